package evaluation

// Role is what a user may do on the platform (DESIGN.md's role table).
type Role string

// Roles.
const (
	RoleAdmin      Role = "admin"      // reform office staff
	RoleEvaluator  Role = "evaluator"  // a person of an evaluation agency
	RoleDepartment Role = "department" // a person of a lead department
	RoleViewer     Role = "viewer"     // city leaders, supervisors
)

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool {
	switch r {
	case RoleAdmin, RoleEvaluator, RoleDepartment, RoleViewer:
		return true
	}
	return false
}

// Actor is who performs an operation: a logged-in user, or the system itself
// for command-line work. Domain methods use it for ownership and the audit.
type Actor struct {
	UserID   int64
	Username string
	Role     Role
	OrgID    int64
}

// System is the actor of command-line tools and start-up tasks.
var System = Actor{Username: "system", Role: RoleAdmin}

// ActorOf returns the actor for a user.
func ActorOf(u *User) Actor {
	a := Actor{UserID: u.ID, Username: u.Username, Role: u.Role}
	if u.OrgID != nil {
		a.OrgID = *u.OrgID
	}
	return a
}

func (a Actor) idPtr() *int64 {
	if a.UserID == 0 {
		return nil
	}
	id := a.UserID
	return &id
}

func (a Actor) name() string {
	if a.Username == "" {
		return "system"
	}
	return a.Username
}
