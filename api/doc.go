// Package api is evald's HTTP layer: the route table, handlers that decode
// and validate requests and call the domain, authentication and role guards,
// and the mapping of domain errors to DESIGN.md's JSON error shape. It holds
// no business rules; those live in package evaluation.
package api
