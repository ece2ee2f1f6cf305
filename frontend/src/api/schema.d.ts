// Generated from api/openapi.yaml by `npm run gen:api` (openapi-typescript); do not edit.
// `make test` fails when this file is stale.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 健康检查
         * @description 进程存活即返回 200，无需登录。
         */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 就绪检查
         * @description 数据库可以访问时返回 200，否则 503。无需登录。
         */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus 监控指标
         * @description Prometheus 文本格式（`text/plain; version=0.0.4`）的监控指标。不用登录会话，而要监控令牌：
         *     只有带 `Authorization: Bearer $EVAL_METRICS_TOKEN` 的请求得到指标，没有或不对的令牌返回 401；
         *     未设置 `EVAL_METRICS_TOKEN` 时本路由关闭，返回 404。设置了 `EVAL_METRICS_ADDR` 时，
         *     该地址上另有一个只供监控的监听端口，其 `/metrics` 无需令牌。
         */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 本 OpenAPI 文档
         * @description 以 JSON 返回本文档，无需登录。
         */
        get: operations["getOpenAPI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登录
         * @description 用户名和密码正确时返回令牌和用户。用户名或密码错误（或账号已停用）返回 401。
         *     每次尝试在核对密码之前计数：15 分钟内同一客户端地址对同一用户名失败 5 次，或同一地址对所有用户名共失败
         *     20 次后，该地址的尝试返回 429 并带 `Retry-After`，不再核对密码（其他地址不受影响）。客户端地址按
         *     `EVAL_TRUSTED_PROXIES` 确定（与公开问卷相同）。登录成功后该地址对该用户名的计数清零。无需登录。
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 退出登录
         * @description 吊销当前令牌。角色：任何已登录用户。
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 当前用户
         * @description 角色：任何已登录用户。
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/login-throttles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 登录限制列表
         * @description 当前 15 分钟窗口内有失败记录的登录计数：每个客户端地址对每个用户名一条，以及每个地址对所有用户名一条
         *     （`username` 为空字符串）。达到上限（5 次或 20 次）的计数带 `blocked_until`。最近开始的在前。角色：admin。
         */
        get: operations["listLoginThrottles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/login-throttles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * 解除登录限制
         * @description 删除一条登录计数，该地址（对该用户名）可以立即再试。记入审计日志。角色：admin。
         */
        delete: operations["clearLoginThrottle"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 单位列表
         * @description 按类型、名称排序。角色：admin、viewer。
         */
        get: operations["listOrgs"];
        put?: never;
        /**
         * 新建单位
         * @description 新建改革办、评估机构或部门。同名单位返回 422。角色：admin。
         */
        post: operations["createOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 单位详情
         * @description 角色：admin、viewer。
         */
        get: operations["getOrg"];
        put?: never;
        post?: never;
        /**
         * 删除单位
         * @description 仍有关联的用户、方案或回避声明的单位不能删除（409 `in_use`）。角色：admin。
         */
        delete: operations["deleteOrg"];
        options?: never;
        head?: never;
        /**
         * 修改单位
         * @description 只修改请求中给出的字段；类型不能修改。角色：admin。
         */
        patch: operations["updateOrg"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 用户列表
         * @description 按 id 排序。角色：admin。
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * 新建用户
         * @description 评估人员须属于评估机构，部门用户须属于部门；用户名已被使用返回 422。响应中从不包含密码。角色：admin。
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出用户（XLSX）
         * @description 与列表接口相同的筛选条件和权限，导出全部符合条件的行（不分页）；超过 100000 行返回 422，请缩小筛选范围。列名为中文，时间按 EVAL_TZ，枚举为中文。角色：admin。
         */
        get: operations["exportUsersXLSX"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 用户详情
         * @description 角色：admin。
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改用户
         * @description 只修改请求中给出的字段；用户名不能修改。修改密码或停用账号会吊销该用户的所有登录令牌。
         *     唯一在用（未停用）的管理员不能改为其他角色或停用（409 `last_admin`）。角色：admin。
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 方案列表
         * @description 按编号排序。角色：admin、viewer。
         */
        get: operations["listPlans"];
        put?: never;
        /**
         * 新建专项改革方案
         * @description 牵头单位必须是部门；方案编号已存在返回 422。角色：admin。
         */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出方案（XLSX）
         * @description 与列表接口相同的筛选条件和权限，导出全部符合条件的行（不分页）；超过 100000 行返回 422，请缩小筛选范围。列名为中文，时间按 EVAL_TZ，枚举为中文。角色：admin、viewer。
         */
        get: operations["exportPlansXLSX"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 方案导入模板（XLSX）
         * @description 中文表头（方案编号、方案名称、牵头单位、审议机构、印发日期、所属领域、方案概要、销账原因）和一行示例，`POST /plans/import` 可直接读回。角色：admin。
         */
        get: operations["getPlanImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量导入方案
         * @description 上传 .xlsx 或 .csv 文件（multipart 字段 `file`，不超过 10 MB），首行为表头：
         *     `code, title, lead_department, approved_by, issued_on, field, summary, close_reason`（`lead_department` 为部门名称）。
         *     `close_reason`（销账原因）不为空时该方案销账（已销账的保留原销账时间、改用新原因）；为空或没有这一列时销账状态不变——导入从不恢复方案。
         *     请求体超过 10 MB 另加 64 KB 返回 413。
         *     编号已存在的方案被更新，其余新建。只要有一行有误就不写入任何数据，返回 422，
         *     `errors` 列出每个出错的行（`row` 从表头算起，表头为第 1 行）。
         *     文件本身无法读取（缺少文件、格式不支持、为空、缺少必需的列）返回普通的 422 错误，`fields.file` 说明原因。
         *     角色：admin。
         */
        post: operations["importPlans"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 方案详情
         * @description 角色：admin、viewer。
         */
        get: operations["getPlan"];
        put?: never;
        post?: never;
        /**
         * 删除方案
         * @description 已被评估轮次或回避声明引用的方案不能删除（409 `in_use`）。角色：admin。
         */
        delete: operations["deletePlan"];
        options?: never;
        head?: never;
        /**
         * 修改方案
         * @description 只修改请求中给出的字段。角色：admin。
         */
        patch: operations["updatePlan"];
        trace?: never;
    };
    "/api/v1/plans/{id}/close-out": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 方案销账
         * @description 方案不再参加新的评估轮次（分配返回 409 `plan_closed`，自动分配跳过它）；未销号的问题照常跟踪。
         *     已销账返回 409 `already_closed`；原因为空返回 422。记入审计日志。角色：admin。
         */
        post: operations["closeOutPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 方案台账：历轮评估情况
         * @description 方案参加过的每一轮（按开始日期从早到晚）：总分、等次、排名 x/N、各维度得分、自评与差距、问题及其整改
         *     （问题数、已销号、逾期、整改率——没有问题时为 null）、评估报告的每一个发布版本（`download_path` 为该版本的下载地址：
         *     当前版本不带参数，被取代的版本带 `?version=N`，与当初出具的文件逐字节相同）。结果不完整的轮次 `total`、`grade`、`rank` 为 null。
         *     admin 看到所有轮次；viewer 只看到已发布（或归档）的轮次；部门用户只能查看本部门牵头的方案的已发布轮次，
         *     其他方案返回 404。角色：admin、viewer、department。
         */
        get: operations["getPlanHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核查上轮未整改问题
         * @description 本轮该方案的评估人员（或 admin）记录已核查一个从此前轮次结转来的问题（轮次评估中或评分已截止时）；
         *     再次核查不改变首次核查的时间。不是结转的问题返回 409 `not_carried`（admin）；评估人员对不是本人方案的、
         *     不是结转的或轮次状态不允许的问题得到 404；admin 在轮次状态不允许时得到 409 `wrong_state`。记入审计日志。
         *     角色：admin、evaluator。
         */
        post: operations["checkCarriedFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 部门年度考核计分卡
         * @description 某年（EVAL_TZ）发布的轮次中，各牵头部门的方案数、平均总分、等次分布、问题数（按严重程度）、已销号、整改率、
         *     按期销号率、逾期数和平均自评差距，按排名排列。各项的计算规则见 docs/DECISIONS.md“The scorecard”。
         *     没有问题时整改率为 null，没有到期或已销号的问题时按期销号率为 null——从不记为 0 或 100%。
         *     admin、viewer 看到所有部门；部门用户只看到本部门一行。语句数与方案数、问题数无关（每轮固定几条）。
         *     角色：admin、viewer、department。
         */
        get: operations["getDepartmentScorecard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/scorecard.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 部门年度考核计分卡（XLSX）
         * @description 与 `GET /departments/scorecard` 相同的数据和权限（部门用户只有本部门一行），每个部门一行、按排名。
         *     没有定义的数（没有问题时的整改率、没有结果时的平均总分等）写作“—”，从不写作 0 或 100%。
         *     角色：admin、viewer、department。
         */
        get: operations["exportDepartmentScorecardXLSX"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/scorecard.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 部门年度考核计分表（PDF）
         * @description 与 `GET /departments/scorecard` 相同的数据和权限（部门用户只有本部门一行），A4 PDF，印有每项数字的计算规则和验证码。
         *     同一天、同样的数据得到同样的文件。每份发出的文件都按年度登记（`report_records` 的 `year`，不属于任何轮次），
         *     可在“报告真伪查验”中查到（`kind` 为 `scorecard`，`round` 为 null，`year` 为年份）。角色：admin、viewer、department。
         */
        get: operations["getDepartmentScorecardPDF"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 恢复已销账的方案
         * @description 方案重新可以参加新的评估轮次。未销账返回 409 `not_closed`。记入审计日志。角色：admin。
         */
        post: operations["reopenPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 指标体系列表
         * @description 新建的在前。角色：admin、viewer。
         */
        get: operations["listTemplates"];
        put?: never;
        /**
         * 新建指标体系
         * @description 一级指标下设二级指标；各指标分值合计必须为 100 分。未给出 `grade_bands` 时使用默认等次
         *     （优秀 ≥ 90，良好 ≥ 80，合格 ≥ 60，其余不合格）。角色：admin。
         */
        post: operations["createTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 指标体系详情
         * @description 角色：admin、viewer。
         */
        get: operations["getTemplate"];
        /**
         * 修改指标体系
         * @description 整体替换指标体系的内容。尚未被评估轮次使用的指标体系就地修改（200）；已被使用（冻结）的
         *     不会被改动，而是生成一个新版本（201，`parent_id` 指向原指标体系）。角色：admin。
         */
        put: operations["updateTemplate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 回避声明列表
         * @description 角色：admin。
         */
        get: operations["listConflicts"];
        put?: never;
        /**
         * 登记回避声明
         * @description 评估机构与某部门（其牵头的所有方案）或某个方案存在利益冲突，须回避。`department_id` 与 `plan_id`
         *     须且只能填写一个。角色：admin。
         */
        post: operations["createConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 评估轮次列表
         * @description 按开始日期从新到旧。admin 看到所有轮次；viewer 只看到已发布（或归档）的轮次；评估人员只看到已开始且有自己任务的轮次；
         *     部门用户只看到已发布（或归档）且评估了本部门牵头方案的轮次。角色：任何已登录用户。
         */
        get: operations["listRounds"];
        put?: never;
        /**
         * 新建评估轮次
         * @description 新轮次为草稿（`draft`）状态；所用的指标体系随之冻结。未给出的 `min_plan_age_days`（默认 183）、
         *     `outlier_threshold`（默认 15）和 `response_days`（默认 critical 30、major 60、minor 90）取默认值。
         *     角色：admin。
         */
        post: operations["createRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 评估轮次详情
         * @description 调用者看不到的轮次（见轮次列表）返回 404。角色：任何已登录用户。
         */
        get: operations["getRound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改评估轮次
         * @description 只修改请求中给出的字段。轮次开始后 `template_id`、`starts_on`、`min_plan_age_days` 不能再修改，
         *     发布后什么都不能修改（409 `wrong_state`）。角色：admin。
         */
        patch: operations["updateRound"];
        trace?: never;
    };
    "/api/v1/rounds/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 开始评估（draft → open）
         * @description 轮次不在 `draft` 状态时返回 409 `wrong_state`。角色：admin。
         */
        post: operations["openRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/close-scoring": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 截止评分（open → scoring_closed）
         * @description 轮次不在 `open` 状态时返回 409 `wrong_state`。请求体可省略；`reason`（就绪检查有提醒时网页界面要求填写）记入审计日志。角色：admin。
         */
        post: operations["closeRoundScoring"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发布结果（scoring_closed → published）
         * @description 记录发布日期（`published_on`），并据此和 `response_days` 算出每个问题的整改期限。
         *     轮次不在 `scoring_closed` 状态时返回 409 `wrong_state`；要求审定评估结论而尚有未审定的返回 409 `narratives_pending`。
         *     请求体可省略；`reason` 记入审计日志。角色：admin。
         */
        post: operations["publishRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 归档（published → archived）
         * @description 轮次不在 `published` 状态时返回 409 `wrong_state`。请求体可省略；`reason` 记入审计日志。角色：admin。
         */
        post: operations["archiveRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 下一步（截止评分、发布、归档）前的就绪检查
         * @description 按轮次的下一步列出尚缺的工作：评分表（按机构、按评估人员）、没有完整结果的方案、结果所依据评分表少于分配份数的方案、
         *     部门自评、评估结论、未销号的问题。`blockers` 阻止该步骤（发布：`narratives_pending`）；`warnings` 不阻止。
         *     草稿和已归档的轮次 `next_step` 为 null，没有提醒。查询次数固定，与轮次规模无关。角色：admin。
         */
        get: operations["getRoundReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 轮次进度（按机构、按评估人员）
         * @description 本轮评分表的提交情况（已提交、草稿、未开始），按评估机构和评估人员分列；每位评估人员未提交的任务 id（供催办选择），
         *     其牵头方案中尚未提交的评估结论数；部门自评与评估结论的待交数目；每个机构已提交评分表的平均总分与全轮平均（宽严度）。
         *     `days_left` 只在评估中给出（距评分截止的天数，当天为 0，过期为负），评分截止后为 null。查询次数固定，与轮次规模无关。角色：admin。
         */
        get: operations["getRoundProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/eligible-plans": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 本轮可评估的方案
         * @description 在轮次开始日期之前至少 `min_plan_age_days` 天印发的方案，按编号排序。角色：admin。
         */
        get: operations["listEligiblePlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 本轮的评估任务
         * @description 按 id 排序。角色：admin。
         */
        get: operations["listRoundAssignments"];
        put?: never;
        /**
         * 分配评估任务
         * @description 把一个方案分配给一名评估人员（同一机构的多名人员可以评估同一方案）。方案不在本轮评估范围内、
         *     评估人员不存在或已停用、其机构与方案存在利益冲突时返回 422；轮次已截止评分或已重复分配时返回 409。
         *     角色：admin。
         */
        post: operations["createAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/auto-assign": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 自动分配评估任务
         * @description 使每个可评估的方案都有 `raters_per_plan` 名来自不同机构的评估人员（已有的任务计入），
         *     避开利益冲突，均衡各人的任务量，结果是确定的。`dry_run` 为 true 时只预览（200，不写入，预览的任务 `id` 为 0），
         *     否则写入（201）。有方案凑不齐不同机构时返回 422 `uncoverable_plans`，`fields` 列出这些方案；
         *     轮次已截止评分时返回 409。角色：admin。
         */
        post: operations["autoAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/remind": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 催办
         * @description 给本轮仍有待办事项的每个人发一条汇总的站内通知：评分表未提交的评估人员（评估中；评分截止后只限被重新开放的评分表），
         *     以及发布后有待整改或被退回问题的牵头部门用户、有待审核整改回复的评估人员。返回通知的人数（可以为 0）。
         *     轮次为草稿或已归档时返回 409 `wrong_state`。请求体可选：`evaluator_ids` 只催办所选的评估人员（每人须在本轮有评估任务，
         *     否则 422），不带请求体时催办所有人。角色：admin。
         */
        post: operations["remindRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoresheets/{assignment_id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 评估任务 id */
                assignment_id: components["parameters"]["AssignmentID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 重新开放评分表
         * @description 把已提交的评分表退回草稿，评估人员可以更正后再次提交（在 `open` 或 `scoring_closed` 状态下）。
         *     评分表未提交（409 `not_submitted`）或轮次状态不对（409 `wrong_state`）时返回 409。角色：admin。
         */
        post: operations["reopenScoresheet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的评估任务
         * @description 调用者本人在已开始的轮次中的任务，按 id 排序。角色：evaluator。
         */
        get: operations["listMyAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 评估任务详情
         * @description 任务连同方案全文、指标体系和评分表（从未保存过的评分表 `version` 为 0）。评估人员只能看到本人在已开始轮次中的任务，
         *     其他任务返回 404；admin 可以看到任何任务。角色：admin、evaluator。
         */
        get: operations["getAssignment"];
        put?: never;
        post?: never;
        /**
         * 删除评估任务
         * @description 删除评分表尚未提交的评估任务（连同其评分表草稿），用于替换不响应的评估人员。评分表已提交（409 `submitted`）、
         *     任务下已记录问题（409 `has_findings`）或轮次已发布、归档（409 `wrong_state`）时不能删除。角色：admin。
         */
        delete: operations["deleteAssignment"];
        options?: never;
        head?: never;
        /**
         * 指定或取消牵头评估机构
         * @description `lead: true` 使该任务成为其方案在本轮的牵头任务（该方案原来的牵头任务同时失去牵头，一次完成并记入审计）；
         *     `lead: false` 取消，方案暂无牵头。轮次已发布或归档时返回 409 `wrong_state`。角色：admin。
         */
        patch: operations["updateAssignment"];
        trace?: never;
    };
    "/api/v1/assignments/{id}/scoresheet": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * 保存评分表（草稿）
         * @description 保存评分表草稿，可以只填部分指标；返回的评分表 `version` 加 1。`version` 必须是保存所依据的版本，
         *     否则返回 409 `stale_version`。评分表已提交（409 `submitted`）、轮次不在评估中（409 `wrong_state`）
         *     或已过评分截止日期（409 `past_due`）时不能保存。分值不合法时返回 422，`fields` 以 `scores[i].value`
         *     等指明出错的项。角色：evaluator（本人的任务）。
         */
        put: operations["saveScoresheet"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交评分表
         * @description 提交后评分表被冻结。有指标未评分时返回 422，`fields` 以指标编号为键列出每个未评分的指标；
         *     版本过期、已提交、轮次不在评估中或已过评分截止日期时返回 409。角色：evaluator（本人的任务）。
         */
        post: operations["submitScoresheet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 任务的问题
         * @description 该任务下记录的全部问题，按 id 排序（不分页）。角色：admin、evaluator（本人的任务）。
         */
        get: operations["listAssignmentFindings"];
        put?: never;
        /**
         * 记录问题
         * @description 在评估中（`open`）的轮次里，就本人的任务记录发现的问题和整改建议；其他状态返回 409 `wrong_state`。
         *     `indicator_code` 须是本轮指标体系中的指标。角色：evaluator（本人的任务）。
         */
        post: operations["createFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 问题详情（整改）
         * @description 一个问题连同其整改回复（字段同问题列表中的一项）。调用者看不到的问题（见问题列表）返回 404。角色：任何已登录用户。
         */
        get: operations["getFinding"];
        put?: never;
        post?: never;
        /**
         * 删除问题
         * @description 轮次发布后不能再删除（409 `wrong_state`）。角色：evaluator（本人记录的问题）。
         */
        delete: operations["deleteFinding"];
        options?: never;
        head?: never;
        /**
         * 修改问题
         * @description 只修改请求中给出的字段；轮次发布后不能再修改（409 `wrong_state`）。角色：evaluator（本人记录的问题）。
         */
        patch: operations["updateFinding"];
        trace?: never;
    };
    "/api/v1/rounds/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 本轮评估结果
         * @description 本轮每个方案的结果，按名次排列，尚无已提交评分表的方案（`rank` 为 0）在最后。数值均已四舍五入到两位小数。
         *     viewer 只能看到已发布（或归档）轮次的结果，发布前返回 404；评估人员只能看到已开始的轮次中分配给自己的方案，
         *     没有任何任务的轮次返回 404。角色：admin、viewer、evaluator。
         */
        get: operations["listResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        /**
         * 方案的评估结果
         * @description 一个方案的结果，另有各指标在保留的评分中的均值、最低和最高分（`indicators`）以及每位评估人员的总分（`raters`）。
         *     viewer 只能看到已发布（或归档）轮次的结果，发布前返回 404；评估人员只能看到已开始的轮次中分配给自己的方案。
         *     角色：admin、viewer、evaluator。
         */
        get: operations["getPlanResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/narratives": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 本轮各方案的评估结论
         * @description 本轮每个已分配方案的评估结论状态（从未保存为 `empty`）、牵头评估机构和评估人员、已提交的评分表数，按方案编号排序。
         *     角色：admin。
         */
        get: operations["listRoundNarratives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/narrative": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        /**
         * 方案的评估结论
         * @description 方案在本轮的评估结论（总体评价、主要成效、存在问题、意见建议）。从未保存时 `status` 为 `empty`、`version` 为 0；
         *     此时（以及草稿或被退回时「存在问题」为空时）对可撰写者以方案在本轮记录的问题预填「存在问题」（每个问题一行：
         *     序号、【严重程度】、问题描述、指标），`prefilled` 为 true，保存前只是建议。admin 与该方案的评估人员随时可读
         *     （评估人员从轮次开始起）；牵头部门和 viewer 只能在轮次发布后、且结论已审定时读取，否则 404。
         *     角色：admin、evaluator（本人评估的方案）、department（本部门牵头的方案）、viewer。
         */
        get: operations["getNarrative"];
        /**
         * 保存评估结论
         * @description 保存评估结论（四部分整体替换），`version` 为保存所依据的版本（从未保存为 0），过期返回 409 `stale_version`。
         *     保存后为 `draft`；被退回的结论修改后仍为 `returned`。每部分最多 5000 个字符，超出返回 422，`fields` 为
         *     `sections.overall` 等。已提交（409 `submitted`）、已审定（409 `approved`）或轮次不在评估中、评分已截止
         *     状态（409 `wrong_state`）时不能保存。该方案的其他评估人员返回 403 `not_lead`。
         *     角色：admin、evaluator（牵头评估任务的评估人员）。
         */
        put: operations["saveNarrative"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/narrative/submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交评估结论
         * @description 从 `draft` 或 `returned` 提交给改革办审定，变为 `submitted`，并保留这一稿；改革办的用户会收到通知。
         *     有部分为空时返回 422，`fields` 列出每个空的部分（如 `sections.problems`）；版本过期、已提交、已审定或轮次状态不对时返回 409。
         *     角色：admin、evaluator（牵头评估任务的评估人员）。
         */
        post: operations["submitNarrative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/narrative/approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审定评估结论
         * @description 改革办审定已提交的评估结论（`submitted` → `approved`），在轮次评估中或评分已截止时；没有待审定的结论返回 409
         *     `not_submitted`，轮次状态不对返回 409 `wrong_state`。请求体可以为空。角色：admin。
         */
        post: operations["approveNarrative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/narrative/return": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 退回评估结论
         * @description 改革办把已提交的评估结论退回牵头评估机构修改（`submitted` → `returned`），须填写退回意见（为空返回 422
         *     `fields.comment`）；牵头评估人员会收到通知。没有待审定的结论返回 409 `not_submitted`。角色：admin。
         */
        post: operations["returnNarrative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 问题列表（整改）
         * @description 调用者能看到的问题：admin 看到全部；评估人员看到本人记录的（任何状态的轮次）；部门用户看到本部门牵头方案
         *     在已发布（或归档）轮次中的问题；viewer 看到已发布（或归档）轮次中的问题。逾期的在前，其余按整改期限、id 排序。
         *     部门用户看不到记录问题的评估人员（`assignment_id`、`evaluator_id` 为 null），看到的 `response` 是本部门的工作稿；
         *     其他人看到的是最近一次提交的整改回复（从未提交过为 null）。角色：任何已登录用户。
         */
        get: operations["listFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出问题清单（XLSX）
         * @description 与列表接口相同的筛选条件和权限，导出全部符合条件的行（不分页）；超过 100000 行返回 422，请缩小筛选范围。列名为中文，时间按 EVAL_TZ，枚举为中文。每个角色导出的正是它在 `GET /findings` 中看到的问题。角色：全部。
         */
        get: operations["exportFindingsXLSX"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * 保存整改回复（草稿）
         * @description 牵头部门保存对问题的整改回复草稿，可以反复保存；问题须为待整改（`open`）或已退回（`returned`）。
         *     给出 `version` 时必须是保存所依据的版本，否则返回 409 `stale_version`。整改回复已提交待审核（409 `awaiting_verdict`）、
         *     问题已销号（409 `accepted`）或轮次已归档（409 `archived`）时不能保存。`progress` 为 `completed` 时须填写
         *     `completed_on`，完成日期不能晚于今天（422）。不是本部门牵头方案的问题、或轮次尚未发布，返回 404。
         *     角色：department（本部门牵头的方案）。
         */
        put: operations["saveResponse"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/response/submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交整改回复
         * @description 把已保存的草稿作为新的一次整改回复提交（每次提交的内容都被保留），其佐证材料随之冻结；问题变为已回复（`responded`），
         *     并通知记录该问题的评估人员审核。请求体可以省略；给出 `version` 时必须是当前版本，否则返回 409 `stale_version`。
         *     尚未保存过整改回复时返回 422（`fields.measures`）；已提交待审核（409 `awaiting_verdict`）、已销号（409 `accepted`）
         *     或轮次已归档（409 `archived`）时返回 409。角色：department（本部门牵头的方案）。
         */
        post: operations["submitResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/response/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传佐证材料
         * @description 为整改回复草稿上传一个佐证材料（multipart 字段 `file`，不超过 20 MB）。按文件内容而不是文件名判断类型，
         *     只接受 PDF、JPEG、PNG、DOCX、XLSX；其他类型、旧版 .doc/.xls、加密或含宏的 Office 文件、空文件、
         *     不合规的文件名以及缺少文件都返回 422（`fields.file` 说明原因）。请求体超过 20 MB 另加 64 KB 返回 413；
         *     请求体未超过而文件本身超过 20 MB 时返回 422。
         *     整改回复已提交待审核（409 `awaiting_verdict`）、问题已销号（409 `accepted`）或轮次已归档（409 `archived`）时不能上传。
         *     角色：department（本部门牵头的方案）。
         */
        post: operations["uploadAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审核整改回复
         * @description 对已回复（`responded`）问题的最近一次整改回复作出审核结论：`accepted` 通过（销号，问题变为 `accepted`），
         *     `returned` 退回（问题变为 `returned`，须填写退回意见，部门据此修改后重新提交）。牵头部门的用户会收到通知。
         *     问题当前没有待审核的回复（409 `not_responded`）、轮次尚未发布（409 `wrong_state`）或已归档（409 `archived`）时返回 409。
         *     评估人员只能审核本人记录的问题，其他问题返回 404。角色：admin、evaluator。
         */
        post: operations["verifyResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 整改回复的历史
         * @description 问题连同每一次提交的整改回复（从早到晚）及其审核结论。部门用户看到审核者的角色，看不到是谁（`verified_by` 为 null）。
         *     调用者看不到的问题（见问题列表）返回 404。角色：任何已登录用户。
         */
        get: operations["getFindingHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/self-assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 部门自评列表
         * @description 调用者能看到的部门自评：department 本部门牵头的方案（轮次开始后）；admin 全部；evaluator 本人任务所在方案已提交的自评；
         *     viewer 已发布轮次的自评。按轮次（新的在前）和方案编号排序。角色：任何已登录用户。
         */
        get: operations["listSelfAssessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/self-assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 一份部门自评
         * @description 自评连同各指标的自评值和说明、总体自评（summary）、改革办的退回意见（comment）和佐证材料。调用者看不到的返回 404
         *     （可见范围同列表）。角色：任何已登录用户。
         */
        get: operations["getSelfAssessment"];
        /**
         * 保存自评草稿
         * @description 保存自评（可以只填部分指标）：`pending` 变为 `draft`，被退回的（`returned`）保持 `returned`，版本号加 1。
         *     所依据的版本已过期返回 409 `stale_version`；已提交 409 `submitted`；轮次不在评估中 409 `wrong_state`；
         *     已过截止日期且未被退回 409 `past_due`；数值不合规则（同评分表：0 到分值、0.5 的整数倍，清单项是/否）返回 422。
         *     角色：department（本部门牵头的方案）。
         */
        put: operations["saveSelfAssessment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/self-assessments/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传自评佐证材料
         * @description 为自评上传一个佐证材料（multipart 字段 `file`，不超过 20 MB；规则同整改佐证材料：按内容判断类型，只接受 PDF、JPEG、PNG、
         *     DOCX、XLSX），可选字段 `indicator_code` 把它关联到本轮指标体系中的一个指标（不存在的指标返回 422）。
         *     请求体超过 20 MB 另加 64 KB 返回 413。自评已提交、轮次不在评估中或已过截止日期（未被退回）时返回 409。
         *     角色：department（本部门牵头的方案）。
         */
        post: operations["uploadSelfAssessmentAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/self-assessments/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交自评
         * @description 提交自评（从 `draft` 或 `returned`）：每个指标都须有自评值，否则 422，`fields` 以指标编号逐一列出未填的指标。
         *     已过截止日期（本自评的延期日期，否则轮次的 `self_assessment_due`，按 EVAL_TZ 的日历日）且未被退回时返回 409 `past_due`；
         *     版本过期 409 `stale_version`；已提交 409 `submitted`。提交后改革办收到通知，评估人员可以看到。
         *     角色：department（本部门牵头的方案）。
         */
        post: operations["submitSelfAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/self-assessments/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 退回自评
         * @description 改革办把已提交的自评退回部门（`submitted` → `returned`），须填写退回意见（空意见返回 422）。退回后部门可以修改并重新提交，
         *     不受截止日期限制。只在轮次评估中（`open`）可以退回，否则 409 `wrong_state`；未提交的返回 409 `not_submitted`。
         *     部门用户会收到带意见的通知。角色：admin。
         */
        post: operations["returnSelfAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/self-assessments/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 自评延期
         * @description 改革办为一份自评单独设定截止日期（`due_on`，不早于今天、不晚于评分截止日期，否则 422）。只在轮次评估中可以延期
         *     （409 `wrong_state`）；已提交的返回 409 `submitted`。部门用户会收到通知。角色：admin。
         */
        post: operations["extendSelfAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 下载佐证材料
         * @description 以文件本身的类型返回佐证材料，`Content-Disposition` 带原文件名，`ETag` 与 `X-Content-SHA256` 为文件的 SHA-256。
         *     能看到该问题的人都可以下载，但只有牵头部门能看到尚未随整改回复提交的材料；自评的佐证材料由能看到该自评的人下载；
         *     补充材料请求的材料：能看到该请求的人在请求答复后可以下载，答复前只有牵头部门能看到。看不到的返回 404。角色：任何已登录用户。
         */
        get: operations["downloadAttachment"];
        put?: never;
        post?: never;
        /**
         * 删除佐证材料
         * @description 从整改回复草稿中删除尚未提交的佐证材料。已随整改回复提交的材料（或回复已提交待审核、问题已销号时）不能删除
         *     （409 `submitted`）；轮次已归档时返回 409 `archived`。自评的佐证材料在自评提交前可以删除（已提交 409 `submitted`，
         *     轮次不在评估中 409 `wrong_state`，已过截止日期 409 `past_due`）。补充材料请求的材料只能在请求答复前删除（409 `answered`），
         *     轮次发布后不能删除（409 `published`）。角色：department（本部门牵头的方案）。
         */
        delete: operations["deleteAttachment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/rectification": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 本轮整改进度
         * @description 本轮每个被评估方案（按编号排序）和每个牵头部门（逾期多的在前，再按名称）的已发布问题数、已销号数、逾期数和整改率
         *     （已销号 / 已发布，四位小数；没有问题时为 null）。发布前各项计数为 0（仅 admin 可见）。viewer 和部门用户只能看到已发布（或归档）的轮次，
         *     部门用户只看到其中本部门的方案，其他轮次返回 404。角色：admin、viewer、department。
         */
        get: operations["getRoundRectification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/rectification.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 导出本轮整改进度（XLSX）
         * @description 与 `GET /rounds/{id}/rectification` 相同的数据和权限（含轮次阶段规则）：工作表“方案整改”和“部门整改”。角色：admin、viewer、department。
         */
        get: operations["exportRoundRectificationXLSX"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提出补充材料请求
         * @description 在评估中（`open`）的轮次里，评估人员就本人任务的方案请牵头部门补充材料（补充材料）；其他状态返回 409 `wrong_state`。
         *     `question` 不能为空，最多 2,000 个字符（422 指明 `question`）。提出后不能撤回或修改（需要澄清时再提一条）。
         *     牵头部门的用户收到通知，通知和部门看到的一切都不提评估人员或机构。角色：evaluator（本人的任务）。
         */
        post: operations["askForMaterial"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 补充材料请求列表
         * @description 调用者能看到的补充材料请求，未答复的在前，再按提出的先后：admin 看到全部（带 `asked_by`：提出人、所属机构与任务）；
         *     部门用户看到本部门牵头方案的请求（轮次开始评估后），不含任何评估人员、机构或用户的名称和 id；
         *     评估人员看到分配给本人的方案上本人提出的未答复请求和全部已答复请求（`mine` 表示是否本人提出）。
         *     只有部门能看到尚未答复的请求已上传的材料。角色：admin、evaluator、department。
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 一条补充材料请求
         * @description 与列表中的一项相同；看不到的请求返回 404。角色：admin、evaluator、department。
         */
        get: operations["getRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 答复补充材料请求
         * @description 牵头部门答复请求（`answer` 不能为空，最多 10,000 个字符），请求变为 `answered`；轮次发布前可以再次答复以修改答复
         *     （`answered_at` 为最近一次答复的时间，审计日志保留每一次）。首次答复通知该方案的全部评估人员。
         *     轮次已发布返回 409 `published`。角色：department（本部门牵头的方案）。
         */
        post: operations["answerRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传补充材料
         * @description 为请求的答复上传一个材料文件（multipart 字段 `file`），规则同整改佐证材料：不超过 20 MB，按内容判断类型，只接受
         *     PDF、JPEG、PNG、DOCX、XLSX（否则 422 `fields.file`）；请求体超过 20 MB 另加 64 KB 返回 413。答复前上传的材料只有部门
         *     能看到，可以删除（`DELETE /api/v1/attachments/{id}`）；答复后评估人员可以下载，不能再删除。轮次已发布返回 409
         *     `published`。角色：department（本部门牵头的方案）。
         */
        post: operations["uploadRequestAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的通知
         * @description 调用者本人的站内通知，新的在前；`unread` 为全部未读通知的数目（不受分页和筛选影响）。角色：任何已登录用户。
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 全部标为已读
         * @description 把调用者本人的所有未读通知标为已读，返回标记的条数。角色：任何已登录用户。
         */
        post: operations["readAllNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 标为已读
         * @description 把调用者本人的一条通知标为已读（已读的保持原来的已读时间）；别人的通知返回 404。角色：任何已登录用户。
         */
        post: operations["readNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/todo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的待办
         * @description 调用者待办的事项，最紧急的在前（逾期的在前，再按期限，没有期限的在最后；不分页）：评估人员为未提交的评分表和
         *     待其审核的整改回复；部门用户为本部门待整改和被退回的问题；admin 为各轮次未提交的评分表和待审核的整改回复；
         *     viewer 没有待办。角色：任何已登录用户。
         */
        get: operations["getTodo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/evaluation-report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        /**
         * 方案的评估报告（PDF）
         * @description 本轮一个方案的第三方评估报告（A4 PDF）：封面、方案基本情况、评估方法、评估结果、各指标得分、离散程度与离群评分、
         *     发现的问题及整改建议。同样的数据总是生成同样的文件；服务器记录发出的每一份报告，其 SHA-256 与校验码可在报告查验接口
         *     （无需登录）查验。改革办在评分截止后即可预览，其他角色在评估结果发布（或归档）后才能下载：评估人员只能下载分配给自己的
         *     方案的报告，部门用户只能下载本部门牵头方案的报告；其他方案、不在本轮的方案以及调用者尚不能看到的轮次返回 404。
         *     评分尚未截止时返回 409 `not_ready`；方案的评估结果不是 complete 时返回 409 `no_result`（不出具评估报告）。
         *     发布后带 `version=N` 时返回已出具的第 N 版：由该版本冻结的数据生成，与当初出具的文件逐字节相同（SHA-256 相同，
         *     查验答复其版本号及取代它的版本）；方案没有该版本（或轮次尚未发布）返回 404，N 不是正整数返回 400。
         *     谁能下载与当前版本相同。角色：任何已登录用户。
         */
        get: operations["getEvaluationReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/issued-reports": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 本轮各方案评估报告的当前版本
         * @description 已发布（或归档）轮次中每个方案已出具的评估报告的当前版本号、重新出具原因和出具时间，按方案 id 排序（不分页）；
         *     发布前为空列表。调用者尚不能看到的轮次返回 404。角色：admin、viewer。
         */
        get: operations["listIssuedReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/evaluation-report/versions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        /**
         * 方案评估报告的各个版本
         * @description 一个方案已出具的评估报告的全部版本（第 1 版起，按版本号排序，不分页）：版本号、重新出具原因、出具时间，
         *     当前版本 `current` 为 true；每一版可用 `evaluation-report.pdf?version=N` 下载。发布前为空列表。
         *     谁能查看与评估报告的下载相同（评分尚未截止时 409 `not_ready`，其他方案 404）。角色：任何已登录用户。
         */
        get: operations["listEvaluationReportVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/evaluation-report/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 重新出具方案的评估报告（新版本）
         * @description 按当前数据重新出具一个方案的评估报告：冻结为第 N 版（上一版本号加一），报告封面印“第N版”，正文开头印重新出具原因；
         *     此后下载的评估报告即为新版本。此前各版本仍可查验，查验结果中 `superseded_by` 为当前版本号。
         *     只有已发布的轮次可以重新出具（其他状态 409 `wrong_state`）；原因必填（空或过长 422）；方案不在本轮 404。角色：admin。
         */
        post: operations["reissueEvaluationReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/plans/{plan_id}/rectification-report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        /**
         * 方案的整改情况报告（PDF）
         * @description 本轮一个方案的整改情况报告（A4 PDF）：按严重程度和状态统计的问题数、整改率与逾期数，以及每个问题当前的整改回复、
         *     退回记录、审核结论、整改期限和逾期标记。评估结果发布（或归档）后才能生成：在此之前改革办请求返回 409 `not_ready`，
         *     其他角色返回 404。谁能下载哪个方案的报告与评估报告相同。角色：任何已登录用户。
         */
        get: operations["getRectificationReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/summary.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 本轮评估结果汇总（PDF）
         * @description 本轮所有方案的评估结果汇总（A4 PDF），按名次排列。改革办在评分截止后即可预览（此前返回 409 `not_ready`），
         *     viewer 在评估结果发布（或归档）后才能下载（此前返回 404）。角色：admin、viewer。
         */
        get: operations["getRoundSummaryPDF"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/summary.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 本轮评估结果汇总（XLSX）
         * @description 与汇总 PDF 相同的数据，Excel 工作簿格式；何时、谁能下载也与汇总 PDF 相同。角色：admin、viewer。
         */
        get: operations["getRoundSummaryXLSX"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 生成本轮全部报告（ZIP）
         * @description 排队一个任务，把本轮的全部报告打包为一个 ZIP：每个方案的评估报告（`评估报告/` 目录下），评估结果发布后另有
         *     每个方案的整改情况报告（`整改情况报告/` 目录下），以及汇总的 PDF 和 XLSX。任务在后台运行，调用者断开也不停止；
         *     用返回的任务 id 查询进度（`GET /api/v1/jobs/{id}`），完成后下载。何时、谁能生成与汇总 PDF 相同：
         *     评分尚未截止时返回 409 `not_ready`，viewer 在结果发布前返回 404。角色：admin、viewer。
         */
        post: operations["startRoundReports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 报告任务的进度
         * @description 任务的状态和进度（`done` / `total` 个文件）；完成后 `download_url` 为 ZIP 的下载地址。admin 能看到所有任务，
         *     viewer 只能看到本人发起的任务，其他任务返回 404。运行中的任务超过 10 分钟没有进展（服务器重启或出错）
         *     报告为失败（`failed`），需要重新生成。角色：admin、viewer。
         */
        get: operations["getReportJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 下载报告任务的 ZIP
         * @description 已完成任务的 ZIP；`X-Content-SHA256` 为 ZIP 文件的 SHA-256。任务尚在排队、运行或已失败时返回 409 `not_ready`。
         *     谁能下载与查询任务相同（viewer 只能下载本人发起的任务，其他返回 404）。角色：admin、viewer。
         */
        get: operations["downloadReportJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/verify/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 报告文件的 SHA-256，或报告的校验码：完整的 64 位，或报告封面上印的前 16 位（十六进制，不区分大小写，可以带空格） */
                sha256: string;
            };
            cookie?: never;
        };
        /**
         * 查验报告真伪
         * @description 按文件的 SHA-256 或校验码查找服务器发出过的报告：查到即为真，返回报告的类型、轮次、方案、报告日期和首次发出的时间；
         *     查不到（文件被改动过，或不是本平台发出的）返回 404。无需登录。
         */
        get: operations["verifyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传报告文件查验真伪
         * @description 上传 PDF 报告文件本身（multipart 字段 `file`，不超过 50 MB），按文件的 SHA-256 查验，答复与按 SHA-256 查验相同；
         *     查不到返回 404。文件边接收边计算摘要，不在服务器保存。不是 PDF（不以 `%PDF-` 开头）或缺少文件返回 422，
         *     超过 50 MB 返回 413；同一客户端地址每分钟最多查验 10 个文件，超出返回 429。无需登录。
         */
        post: operations["verifyReportFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 问卷列表
         * @description 全部问卷，新的在前，每份带已收到的答卷数；viewer 看不到关联到尚未发布的轮次的问卷。角色：admin、viewer（只读）。
         */
        get: operations["listSurveys"];
        put?: never;
        /**
         * 新建群众满意度调查问卷（草稿）
         * @description 新建一份草稿问卷。题型：`single` 单选（须有 2–50 个不重复的选项）、`multiple` 多选（同上）、`likert5` 五级量表（1 非常不满意 … 5 非常满意）、
         *     `nps` 推荐度（0–10）、`text` 文字（不超过 2000 字）；其他题型不能设置选项。问题编号由 1–32 个字母、数字、`_` 或 `-` 组成，
         *     在问卷内不重复；至多 100 题。`show_if` 让一题只在本题之前的某个单选、五级量表或推荐度题的答案等于给定值时显示
         *     （值须是该题的一个选项，或量表范围内的整数）。关联的 `round_id`、`plan_id` 须存在；关联了轮次和方案的问卷，
         *     其结果会显示给该轮该方案的评估人员，并写入评估报告。`closes_at` 须晚于当前时间。不合法时返回 422，
         *     `fields` 以 `questions[2].options` 等指明出错处。角色：admin。
         */
        post: operations["createSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 问卷详情
         * @description 问卷的全部内容、状态、公开链接（发布后）和已收到的答卷数。关联到尚未发布的轮次的问卷对 viewer 返回 404。
         *     角色：admin、viewer（只读）。
         */
        get: operations["getSurvey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改问卷
         * @description 只修改请求中给出的字段。草稿的任何字段都可以修改（`round_id`、`plan_id` 为 0 时取消关联，`questions` 整体替换）；
         *     发布后题目冻结，只能修改截止时间 `closes_at`（改其他字段返回 409 `wrong_state`）；已结束的问卷不能修改（409 `wrong_state`）。
         *     规则与新建相同，不合法时返回 422。角色：admin。
         */
        patch: operations["updateSurvey"];
        trace?: never;
    };
    "/api/v1/surveys/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发布问卷
         * @description 发布草稿问卷：题目从此冻结，问卷得到随机的公开令牌（128 位，URL 安全）和公开链接 `{EVAL_PUBLIC_URL}/s/{token}`
         *     （未设置 `EVAL_PUBLIC_URL` 时为 `http://` 加监听地址 `EVAL_ADDR`，通配地址如 `0.0.0.0` 换成 `127.0.0.1`；
         *     从不取自请求的 `Host` 头）。已发布或已结束的问卷返回 409 `wrong_state`；
         *     没有题目（`questions`）或截止时间已过（`closes_at`）返回 422。角色：admin。
         */
        post: operations["publishSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 结束问卷
         * @description 结束已发布的问卷：公开页面和接口不再接受答卷（410）。不是已发布状态时返回 409 `wrong_state`。角色：admin。
         */
        post: operations["closeSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 问卷统计结果
         * @description 答卷数；每题的作答人数、各选项（或分值）的人数（按题目中的顺序），五级量表题和推荐度题的平均分，推荐度题的净推荐值
         *     （9–10 分的比例减 0–6 分的比例，×100）；满意度指数 = （全部五级量表题答案的平均分 − 1）÷ 4 × 100，
         *     四舍五入到两位小数，没有五级量表答案时为 null。文字题的内容不在统计结果中，只在答卷导出（XLSX）中。
         *     关联到尚未发布的轮次的问卷对 viewer 返回 404。角色：admin、viewer（只读）。
         */
        get: operations["getSurveyResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}/responses.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 导出答卷（XLSX）
         * @description Excel 工作簿：“答卷”表每份答卷一行（序号、提交时间，然后每题一列；多选题的选项以“；”连接；表头冻结），
         *     “统计结果”表为统计结果。答卷不含任何能识别答题人的信息。角色：admin。
         */
        get: operations["getSurveyResponsesXLSX"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}/qr.png": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        /**
         * 问卷公开链接的二维码（PNG）
         * @description 公开链接（与 `public_url` 相同，不取自请求的 `Host` 头）的二维码，512×512 像素，中等纠错级别。问卷尚未发布（没有公开链接）时返回 409 `wrong_state`。角色：admin。
         */
        get: operations["getSurveyQR"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/surveys/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 问卷的公开令牌（发布时生成） */
                token: components["parameters"]["SurveyToken"];
            };
            cookie?: never;
        };
        /**
         * 公开问卷（无需登录）
         * @description 已发布问卷的标题、说明、截止时间和题目，供答题页面使用。令牌不存在或问卷尚未发布返回 404，
         *     已结束或已过截止时间返回 410。无需登录。
         */
        get: operations["getPublicSurvey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/surveys/{token}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 问卷的公开令牌（发布时生成） */
                token: components["parameters"]["SurveyToken"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交答卷（无需登录，匿名）
         * @description `answers` 以问题编号为键：单选题为一个选项（字符串），多选题为不重复选项的列表，五级量表题为 1–5 的整数，
         *     推荐度题为 0–10 的整数（2.5、"3" 都不合法），文字题为不超过 2000 字的字符串（去掉首尾空白；空串视为未作答）。
         *     null、空串和空列表视为未作答。必答题只在显示时必答；按 `show_if` 不显示的题目不应作答，作答视为不合法；
         *     问卷中没有的问题编号不合法。所有问题一次列出：422，`fields` 以问题编号为键。答卷的请求体不超过 64 KB，超过返回 413。令牌不存在或问卷未发布返回 404，
         *     已结束或已过截止时间返回 410。每个客户端地址每分钟至多提交 `EVAL_SURVEY_RATE` 份（默认 30），超过返回 429；
         *     客户端地址取直接连接的地址，只有当连接来自 `EVAL_TRUSTED_PROXIES` 列出的反向代理时才采用 X-Forwarded-For。
         *     答卷匿名保存：不保存账号、IP 地址或浏览器标识，审计日志只记录“收到一份答卷”。无需登录。
         */
        post: operations["answerSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 问卷的公开令牌（发布时生成） */
                token: components["parameters"]["SurveyToken"];
            };
            cookie?: never;
        };
        /**
         * 答题页面（无需登录）
         * @description 面向手机的轻量答题页面（HTML，内联样式和少量脚本，不依赖管理端前端，不向其他站点发请求）：题目由服务器直接渲染，
         *     脚本负责按 `show_if` 显示或隐藏题目、提交答卷并在每道题旁显示错误。问卷不存在或未发布时为 404 页面，
         *     已结束为 410 页面，均为 HTML。无需登录。
         */
        get: operations["surveyPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计日志
         * @description 每一次写操作的记录，新的在前；事件依次链接（`prev_hash`、`hash`），篡改可被 `evald audit verify` 发现。角色：admin。
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出审计日志（XLSX）
         * @description 与列表接口相同的筛选条件和权限，导出全部符合条件的行（不分页）；超过 100000 行返回 422，请缩小筛选范围。列名为中文，时间按 EVAL_TZ，枚举为中文。角色：admin。
         */
        get: operations["exportAuditXLSX"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Format: int64
         * @description 对象 id
         */
        ID: number;
        /**
         * Format: date
         * @description 日历日期 YYYY-MM-DD
         */
        Date: string;
        /**
         * Format: date-time
         * @description RFC 3339 时间
         */
        DateTime: string;
        /** @description 四舍五入到两位小数的数值，JSON 中总是带两位小数（如 87.30） */
        Hundredths: number;
        /**
         * @description admin 改革办；evaluator 评估机构人员；department 牵头部门人员；viewer 领导、监督（只读）
         * @enum {string}
         */
        Role: "admin" | "evaluator" | "department" | "viewer";
        /**
         * @description office 改革办；agency 第三方评估机构；department 牵头责任单位
         * @enum {string}
         */
        OrgKind: "office" | "agency" | "department";
        /**
         * @description 评估机构的类型：高校、智库、其他
         * @enum {string}
         */
        AgencyType: "university" | "think_tank" | "other";
        /**
         * @description 草稿、评估中、评分已截止、已发布、已归档
         * @enum {string}
         */
        RoundStatus: "draft" | "open" | "scoring_closed" | "published" | "archived";
        /**
         * @description assigned 评分表从未保存；draft 已保存未提交；submitted 已提交
         * @enum {string}
         */
        AssignmentStatus: "assigned" | "draft" | "submitted";
        /** @enum {string} */
        SheetStatus: "draft" | "submitted";
        /**
         * @description minor 一般；major 较重；critical 严重
         * @enum {string}
         */
        Severity: "minor" | "major" | "critical";
        /**
         * @description 待整改、已回复、已退回、已销号
         * @enum {string}
         */
        FindingStatus: "open" | "responded" | "returned" | "accepted";
        /**
         * @description score 按分值打分（0 到 max_score，步长 0.5）；check 清单项（是得满分，否得 0 分）
         * @enum {string}
         */
        IndicatorKind: "score" | "check";
        Status: {
            /** @enum {string} */
            status: "ok";
        };
        ErrorDetail: {
            /** @description 供程序判断的错误代码，如 `invalid`、`not_found`、`stale_version` */
            code: string;
            /** @description 给人看的中文说明 */
            message: string;
            /** @description 每个出错字段的说明，键为字段路径（如 `scores[0].value`）或指标编号 */
            fields?: {
                [key: string]: string;
            };
        };
        ErrorBody: {
            error: components["schemas"]["ErrorDetail"];
        };
        LoginRequest: {
            username: string;
            /** Format: password */
            password: string;
        };
        LoginResponse: {
            /** @description 以 `Authorization: Bearer <token>` 携带 */
            token: string;
            user: components["schemas"]["User"];
        };
        Org: {
            id: components["schemas"]["ID"];
            name: string;
            kind: components["schemas"]["OrgKind"];
            /**
             * @description 评估机构的类型；其他单位为空字符串
             * @enum {string}
             */
            agency_type: "" | "university" | "think_tank" | "other";
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
        };
        OrgRequest: {
            name: string;
            kind: components["schemas"]["OrgKind"];
            /** @description 只有评估机构填写；评估机构不填时为 other */
            agency_type?: components["schemas"]["AgencyType"];
        };
        OrgPatch: {
            name?: string;
            agency_type?: components["schemas"]["AgencyType"];
        };
        OrgList: {
            items: components["schemas"]["Org"][];
            /** Format: int64 */
            total: number;
        };
        User: {
            id: components["schemas"]["ID"];
            username: string;
            display_name: string;
            role: components["schemas"]["Role"];
            /**
             * Format: int64
             * @description 所属单位；评估人员为其评估机构，部门用户为其部门
             */
            org_id: number | null;
            /** @description 接收通知邮件副本的电子邮箱；没有时为空字符串 */
            email: string;
            disabled: boolean;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
        };
        UserRequest: {
            /** @description 2 到 64 个字母、数字或 _ . @ -，以字母或数字开头；不区分大小写，保存为小写 */
            username: string;
            /**
             * Format: password
             * @description 至少 10 个字符、至多 72 个字节（一个汉字占 3 个字节），不能与用户名相同（不分大小写），不能是常见密码（内置的 1 万个最常见密码，不分大小写）；否则 422
             */
            password: string;
            display_name: string;
            role: components["schemas"]["Role"];
            /**
             * Format: int64
             * @description evaluator 必须属于评估机构，department 必须属于部门
             */
            org_id?: number | null;
            /** @description 电子邮箱（可以不填），站内通知同时发送邮件副本 */
            email?: string;
        };
        UserPatch: {
            /**
             * Format: password
             * @description 至少 10 个字符、至多 72 个字节（一个汉字占 3 个字节），不能与用户名相同（不分大小写），不能是常见密码（内置的 1 万个最常见密码，不分大小写）；否则 422
             */
            password?: string;
            display_name?: string;
            role?: components["schemas"]["Role"];
            /** Format: int64 */
            org_id?: number;
            /** @description 电子邮箱；空字符串表示不再发送邮件副本 */
            email?: string;
            /** @description 停用的账号不能登录，现有令牌立即失效 */
            disabled?: boolean;
        };
        UserList: {
            items: components["schemas"]["User"][];
            /** Format: int64 */
            total: number;
        };
        LoginThrottle: {
            id: components["schemas"]["ID"];
            /** @description 尝试的用户名（小写）；空字符串表示该地址对所有用户名的合计 */
            username: string;
            /** @description 客户端地址（按 `EVAL_TRUSTED_PROXIES` 确定） */
            address: string;
            /** @description 本窗口内的失败次数（正在核对的尝试也计入） */
            failures: number;
            window_started_at: components["schemas"]["DateTime"];
            /**
             * Format: date-time
             * @description 达到上限时，窗口结束、可以再试的时间；未达上限时为 null
             */
            blocked_until: string | null;
        };
        LoginThrottleList: {
            items: components["schemas"]["LoginThrottle"][];
            /** Format: int64 */
            total: number;
        };
        Plan: {
            id: components["schemas"]["ID"];
            /** @description 方案编号 */
            code: string;
            title: string;
            lead_department_id: components["schemas"]["ID"];
            /** @description 审定机构，如 市委深改组、市委常委会、市政府常务会、专项小组 */
            approved_by: string;
            issued_on: components["schemas"]["Date"];
            /** @description 改革领域，如 经济体制、生态文明、社会治理 */
            field: string;
            summary: string;
            /**
             * Format: date-time
             * @description 销账时间；未销账为 null
             */
            closed_at: string | null;
            /** @description 销账原因；未销账为 null */
            close_reason: string | null;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
        };
        /** @description 部门年度考核计分卡 */
        Scorecard: {
            year: number;
            /** @description 该年发布（含其后归档）的轮次，按发布日期 */
            rounds: components["schemas"]["RoundRef"][];
            as_of: components["schemas"]["Date"];
            items: components["schemas"]["ScorecardItem"][];
        };
        ScorecardItem: {
            /** @description 按平均总分、整改率、按期销号率依次从高到低排名，三项都相同的并列 */
            rank: number;
            department_id: components["schemas"]["ID"];
            name: string;
            /** @description 该年各轮评估的本部门牵头方案数（一个方案参加两轮只计一次） */
            plans: number;
            /** @description 结果完整的“方案×轮次”数 */
            results: number;
            /** @description 这些结果总分的平均（四舍五入到两位小数）；没有时为 null */
            mean_total: components["schemas"]["Hundredths"] | null;
            /** @description 这些结果按等次计数 */
            grades: {
                [key: string]: number;
            };
            /** @description 该年各轮对本部门方案提出（含结转）的问题数 */
            findings: number;
            by_severity: {
                critical: number;
                major: number;
                minor: number;
            };
            accepted: number;
            /** @description 整改率 = 已销号 / 问题数，四位小数；没有问题时为 null */
            rate: number | null;
            /** @description 已销号或已过整改期限的问题数（按期销号率的分母） */
            due: number;
            /** @description 在整改期限当天或之前销号的问题数 */
            on_time: number;
            /** @description 按期销号率 = on_time / due，四位小数；due 为 0 时为 null */
            on_time_rate: number | null;
            /** @description 未销号且已过整改期限 */
            overdue: number;
            /** @description 自评差距（自评 − 第三方）的平均；没有时为 null */
            self_gap: components["schemas"]["Hundredths"] | null;
            /** @description 有自评差距的结果数 */
            self_gap_n: number;
        };
        /** @description 方案台账 */
        PlanHistory: {
            plan: components["schemas"]["Plan"];
            rounds: components["schemas"]["PlanHistoryRound"][];
        };
        PlanHistoryRound: {
            round_id: components["schemas"]["ID"];
            name: string;
            /** @enum {string} */
            status: "draft" | "open" | "scoring_closed" | "published" | "archived";
            starts_on: components["schemas"]["Date"];
            /** Format: date */
            published_on: string | null;
            /** @enum {string} */
            result_status: "complete" | "insufficient" | "none";
            /** @description 结果不完整时为 null */
            total: components["schemas"]["Hundredths"] | null;
            grade: string | null;
            rank: number | null;
            /** @description 本轮结果完整、参与排名的方案数（排名 x/N 的 N） */
            ranked_plans: number;
            dimensions: components["schemas"]["DimensionScore"][];
            self_total: components["schemas"]["Hundredths"] | null;
            self_gap: components["schemas"]["Hundredths"] | null;
            /** @description 本轮对该方案提出（含上轮结转）的问题数 */
            findings: number;
            /** @description 已销号 */
            accepted: number;
            /** @description 逾期未销号 */
            overdue: number;
            /** @description 整改率 = 已销号 / 问题数，四位小数；没有问题时为 null */
            rate: number | null;
            finding_items: {
                id: components["schemas"]["ID"];
                indicator_code: string;
                /** @enum {string} */
                severity: "minor" | "major" | "critical";
                description: string;
                /** @enum {string} */
                status: "open" | "responded" | "returned" | "accepted";
                /** Format: date */
                due_on: string | null;
                overdue: boolean;
                /** Format: int64 */
                carried_from_round_id: number | null;
                /** Format: int64 */
                carried_from_finding_id: number | null;
            }[];
            /** @description 评估报告的各发布版本，从第1版起 */
            reports: {
                version: number;
                /** @description 重新发布的原因；第1版为空 */
                reason: string;
                issued_at: components["schemas"]["DateTime"];
                current: boolean;
                /** @description 该版本的下载地址（被取代的版本带 ?version=N） */
                download_path: string | null;
            }[];
        };
        PlanRef: {
            id: components["schemas"]["ID"];
            code: string;
            title: string;
        };
        PlanRequest: {
            code: string;
            title: string;
            /**
             * Format: int64
             * @description 牵头单位，必须是部门
             */
            lead_department_id: number;
            approved_by?: string;
            issued_on: components["schemas"]["Date"];
            field?: string;
            summary?: string;
        };
        PlanPatch: {
            code?: string;
            title?: string;
            /** Format: int64 */
            lead_department_id?: number;
            approved_by?: string;
            issued_on?: components["schemas"]["Date"];
            field?: string;
            summary?: string;
        };
        PlanList: {
            items: components["schemas"]["Plan"][];
            /** Format: int64 */
            total: number;
        };
        ImportRowError: {
            /** @description 行号，表头为第 1 行 */
            row: number;
            message: string;
        };
        ImportResult: {
            /** @description 新建的方案数 */
            created: number;
            /** @description 更新的方案数 */
            updated: number;
            /** @description 成功时为空 */
            errors: components["schemas"]["ImportRowError"][];
        };
        /** @description 有出错的行，未导入任何数据（`error.code` 为 `import_rejected`） */
        ImportRejected: {
            error: components["schemas"]["ErrorDetail"];
            /** @enum {integer} */
            created: 0;
            /** @enum {integer} */
            updated: 0;
            errors: components["schemas"]["ImportRowError"][];
        };
        GradeBand: {
            /** @description 等次名称，如 优秀 */
            grade: string;
            /** @description 该等次的最低总分 */
            min: number;
        };
        Indicator: {
            /** @description 指标编号，在指标体系内唯一，如 1.1 */
            code: string;
            name: string;
            kind: components["schemas"]["IndicatorKind"];
            /** @description 分值 */
            max_score: number;
            /** @description 一票否决项（只有 check 可以） */
            veto: boolean;
            /** @description 评分标准 */
            guidance: string;
        };
        Dimension: {
            code: string;
            name: string;
            indicators: components["schemas"]["Indicator"][];
        };
        Template: {
            id: components["schemas"]["ID"];
            name: string;
            version: number;
            /**
             * Format: int64
             * @description 由哪个指标体系修改而来（新版本）
             */
            parent_id: number | null;
            /** @description 已被评估轮次使用；再修改会生成新版本 */
            frozen: boolean;
            /** @description 等次，分数线从高到低 */
            grade_bands: components["schemas"]["GradeBand"][];
            /** @description 一级指标 */
            dimensions: components["schemas"]["Dimension"][];
            created_at: components["schemas"]["DateTime"];
        };
        TemplateList: {
            items: components["schemas"]["Template"][];
            /** Format: int64 */
            total: number;
        };
        IndicatorInput: {
            code: string;
            name: string;
            /** @default score */
            kind?: components["schemas"]["IndicatorKind"];
            /** @description 0.5 的整数倍；只有一票否决的清单项可以为 0 */
            max_score: number;
            /** @default false */
            veto?: boolean;
            guidance?: string;
        };
        DimensionInput: {
            code: string;
            name: string;
            indicators: components["schemas"]["IndicatorInput"][];
        };
        TemplateRequest: {
            name: string;
            /** @description 分数线从高到低；不填则用默认等次 */
            grade_bands?: components["schemas"]["GradeBand"][];
            /** @description 各指标分值合计必须为 100 */
            dimensions: components["schemas"]["DimensionInput"][];
        };
        Conflict: {
            id: components["schemas"]["ID"];
            agency_id: components["schemas"]["ID"];
            /**
             * Format: int64
             * @description 须回避该部门牵头的所有方案
             */
            department_id: number | null;
            /**
             * Format: int64
             * @description 须回避该方案
             */
            plan_id: number | null;
            reason: string;
            created_at: components["schemas"]["DateTime"];
        };
        ReissueRequest: {
            /** @description 重新出具的原因，印在新版本报告上 */
            reason: string;
        };
        IssuedVersionList: {
            items: {
                plan_id: components["schemas"]["ID"];
                /** @description 当前版本号（发布时为 1） */
                version: number;
                /** @description 重新出具的原因；第 1 版为空字符串 */
                reason: string;
                issued_at: components["schemas"]["DateTime"];
            }[];
            /** Format: int64 */
            total: number;
        };
        IssuedReportVersionList: {
            items: {
                /** @description 版本号（发布时为 1） */
                version: number;
                /** @description 重新出具的原因；第 1 版为空字符串 */
                reason: string;
                issued_at: components["schemas"]["DateTime"];
                /** @description 是否为当前版本 */
                current: boolean;
            }[];
            /** Format: int64 */
            total: number;
        };
        ReissueResponse: {
            /** @description 新的版本号 */
            version: number;
            reason: string;
            issued_at: components["schemas"]["DateTime"];
        };
        /** @description `department_id` 与 `plan_id` 须且只能填写一个 */
        ConflictRequest: {
            /** Format: int64 */
            agency_id: number;
            /** Format: int64 */
            department_id?: number;
            /** Format: int64 */
            plan_id?: number;
            reason: string;
        };
        ConflictList: {
            items: components["schemas"]["Conflict"][];
            /** Format: int64 */
            total: number;
        };
        /** @description 各严重程度的问题自发布之日起的整改天数 */
        ResponseDays: {
            critical: number;
            major: number;
            minor: number;
        };
        Round: {
            id: components["schemas"]["ID"];
            name: string;
            template_id: components["schemas"]["ID"];
            starts_on: components["schemas"]["Date"];
            /** @description 评分截止日期（当天仍可评分） */
            scoring_due: components["schemas"]["Date"];
            /** @description 只有在开始日期前至少这么多天印发的方案在本轮评估范围内 */
            min_plan_age_days: number;
            /** @description 与中位数相差超过这么多分的评分被标记为离群 */
            outlier_threshold: number;
            /** @description 方案评估结果完整（有总分、等次、名次和评估报告）所需的已提交评分表份数 */
            min_raters: number;
            response_days: components["schemas"]["ResponseDays"];
            /** @description 发布前每个有已提交评分表的方案都须有已审定的评估结论 */
            require_narrative: boolean;
            status: components["schemas"]["RoundStatus"];
            /**
             * Format: date
             * @description 发布日期；未发布时为 null
             */
            published_on: string | null;
            /**
             * Format: date
             * @description 部门自评截止日期（当天仍可提交）；没有自评环节时为 null
             */
            self_assessment_due: string | null;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
        };
        RoundRequest: {
            name: string;
            /** Format: int64 */
            template_id: number;
            starts_on: components["schemas"]["Date"];
            /** @description 不能早于 starts_on */
            scoring_due: components["schemas"]["Date"];
            /** @default 183 */
            min_plan_age_days?: number;
            /** @default 15 */
            outlier_threshold?: number;
            /**
             * @description 评估结果完整所需的已提交评分表份数
             * @default 1
             */
            min_raters?: number;
            response_days?: components["schemas"]["ResponseDays"];
            /**
             * @description 发布前须审定评估结论（网页界面新建轮次时默认勾选）
             * @default false
             */
            require_narrative?: boolean;
            /** @description 部门自评截止日期（不早于 starts_on、不晚于 scoring_due）；设定后轮次开始时为每个已分配的方案生成一份自评 */
            self_assessment_due?: components["schemas"]["Date"];
        };
        RoundPatch: {
            name?: string;
            /** Format: int64 */
            template_id?: number;
            starts_on?: components["schemas"]["Date"];
            scoring_due?: components["schemas"]["Date"];
            min_plan_age_days?: number;
            outlier_threshold?: number;
            /** @description 评估结果完整所需的已提交评分表份数（发布前可改） */
            min_raters?: number;
            response_days?: components["schemas"]["ResponseDays"];
            /** @description 发布前须审定评估结论（发布前可改） */
            require_narrative?: boolean;
            /** @description 部门自评截止日期；草稿和评估中可以设定或延后（评估中设定时立即为已分配的方案生成自评） */
            self_assessment_due?: components["schemas"]["Date"];
        };
        RoundList: {
            items: components["schemas"]["Round"][];
            /** Format: int64 */
            total: number;
        };
        /**
         * @description empty 从未保存；draft 草稿；submitted 已提交待审定；returned 被退回；approved 已审定
         * @enum {string}
         */
        NarrativeStatus: "empty" | "draft" | "submitted" | "returned" | "approved";
        NarrativeSections: {
            /** @description 总体评价 */
            overall: string;
            /** @description 主要成效 */
            achievements: string;
            /** @description 存在问题 */
            problems: string;
            /** @description 意见建议 */
            recommendations: string;
        };
        Narrative: {
            round_id: components["schemas"]["ID"];
            plan: components["schemas"]["PlanRef"];
            status: components["schemas"]["NarrativeStatus"];
            /** @description 从未保存为 0 */
            version: number;
            sections: components["schemas"]["NarrativeSections"];
            /** @description `sections.problems` 是由问题预填的建议，尚未保存 */
            prefilled: boolean;
            /** @description 牵头评估机构；方案暂无牵头时为 null */
            lead_agency: string | null;
            /** @description 牵头评估人员（部门和 viewer 看到的为 null） */
            lead_evaluator: string | null;
            /** @description 改革办退回时的意见 */
            comment: string;
            /** Format: date-time */
            submitted_at: string | null;
            /** Format: date-time */
            approved_at: string | null;
            /** @description 审定单位（改革办）；未审定为 null */
            approved_by: string | null;
            round_status: components["schemas"]["RoundStatus"];
            /** @description 调用者现在可以保存和提交 */
            can_write: boolean;
            /** @description 调用者现在可以审定或退回 */
            can_review: boolean;
        };
        NarrativeRequest: {
            /** @description 保存所依据的版本，从未保存为 0 */
            version: number;
            sections: components["schemas"]["NarrativeSections"];
        };
        NarrativeSubmit: {
            version: number;
        };
        NarrativeReturn: {
            /** @description 退回意见 */
            comment: string;
        };
        NarrativeItem: {
            plan: components["schemas"]["PlanRef"];
            status: components["schemas"]["NarrativeStatus"];
            version: number;
            lead_agency: string | null;
            lead_evaluator: string | null;
            /** Format: date-time */
            submitted_at: string | null;
            /** Format: date-time */
            approved_at: string | null;
            /** @description 该方案已提交的评分表数 */
            submitted_sheets: number;
        };
        NarrativeItemList: {
            items: components["schemas"]["NarrativeItem"][];
            /** Format: int64 */
            total: number;
        };
        AssignmentRequest: {
            /** Format: int64 */
            plan_id: number;
            /** Format: int64 */
            evaluator_id: number;
            /**
             * @description 设为该方案在本轮的牵头任务（原牵头任务同时失去牵头）
             * @default false
             */
            lead?: boolean;
        };
        AssignmentPatch: {
            /** @description true 设为牵头任务，false 取消牵头 */
            lead: boolean;
        };
        /** @description 一项评估任务：一个轮次中的一个方案 × 一名评估人员（及其机构） */
        AssignmentView: {
            /**
             * Format: int64
             * @description 任务 id（自动分配预览中为 0）
             */
            id: number;
            round_id: components["schemas"]["ID"];
            round_name: string;
            round_status: components["schemas"]["RoundStatus"];
            plan: components["schemas"]["PlanRef"];
            evaluator_id: components["schemas"]["ID"];
            evaluator_name: string;
            agency_id: components["schemas"]["ID"];
            agency_name: string;
            /** @description 是否为该方案在本轮的牵头任务（牵头评估机构撰写评估结论；自动分配预览中为拟定的牵头） */
            lead: boolean;
            status: components["schemas"]["AssignmentStatus"];
            /** @description 评分表被改革办重新开放过且尚未再次提交 */
            reopened: boolean;
            scoring_due: components["schemas"]["Date"];
            /** Format: date-time */
            submitted_at: string | null;
        };
        AssignmentViewList: {
            items: components["schemas"]["AssignmentView"][];
            /** Format: int64 */
            total: number;
        };
        /** @description 评估任务（字段同 AssignmentView，但 `plan` 为方案全文）连同指标体系和评分表 */
        AssignmentResponse: {
            id: components["schemas"]["ID"];
            round_id: components["schemas"]["ID"];
            round_name: string;
            round_status: components["schemas"]["RoundStatus"];
            plan: components["schemas"]["Plan"];
            /** @description 方案牵头单位的名称 */
            lead_department: string;
            evaluator_id: components["schemas"]["ID"];
            evaluator_name: string;
            agency_id: components["schemas"]["ID"];
            agency_name: string;
            /** @description 是否为该方案在本轮的牵头任务 */
            lead: boolean;
            status: components["schemas"]["AssignmentStatus"];
            reopened: boolean;
            scoring_due: components["schemas"]["Date"];
            /** Format: date-time */
            submitted_at: string | null;
            template: components["schemas"]["Template"];
            scoresheet: components["schemas"]["Scoresheet"];
            /** @description 关联本轮次本方案的群众满意度调查（已发布或已结束）的答卷数和满意度指数，显示在评分页旁；没有时为空列表 */
            surveys: components["schemas"]["SurveySummary"][];
            /** @description 该方案本轮的补充材料请求中调用者能看到的（评估人员：本人提出的未答复请求和全部已答复请求；admin：全部） */
            requests: components["schemas"]["MaterialRequest"][];
            /** @description 方案牵头部门已提交的自评（含各指标自评值、说明和佐证材料）；尚未提交或没有自评环节时为 null */
            self_assessment: components["schemas"]["SelfAssessment"] | null;
            /**
             * @description 上轮未整改问题：该方案此前各轮未销号、结转到本轮的问题（本方案的每位评估人员都能看到），
             *     连同其来历 `origins`（结转自的问题在原轮次的状态，从最近的一轮起）。评估人员用
             *     `POST /findings/{id}/check` 记录已核查；未核查的计入准备情况的 `carried_unchecked` 提醒。
             */
            carried_findings: components["schemas"]["CarriedFinding"][];
        };
        CarriedFinding: {
            id: components["schemas"]["ID"];
            round_id: components["schemas"]["ID"];
            assignment_id: components["schemas"]["ID"];
            plan_id: components["schemas"]["ID"];
            evaluator_id: components["schemas"]["ID"];
            indicator_code: string;
            severity: components["schemas"]["Severity"];
            description: string;
            recommendation: string;
            status: components["schemas"]["FindingStatus"];
            /** Format: date */
            due_on: string | null;
            /** Format: int64 */
            carried_from_round_id: number;
            /** Format: int64 */
            carried_from_finding_id: number;
            /** Format: date-time */
            carried_checked_at: string | null;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
            origins: {
                finding_id: components["schemas"]["ID"];
                round_id: components["schemas"]["ID"];
                round_name: string;
                status: components["schemas"]["FindingStatus"];
                /** Format: date */
                due_on: string | null;
            }[];
        };
        AutoAssignRequest: {
            /** @description 每个方案的评估人数（来自不同机构） */
            raters_per_plan: number;
            /**
             * @description 只预览，不写入
             * @default false
             */
            dry_run?: boolean;
        };
        AutoAssignResult: {
            /** @description 新建（预览时为将要新建）的任务数 */
            created: number;
            dry_run: boolean;
            /** @description 新建（或将要新建）的任务，按方案、评估人员排序 */
            assignments: components["schemas"]["AssignmentView"][];
        };
        Answer: {
            indicator_code: string;
            /** @description score 指标为分数（0.5 的整数倍），check 指标为 true/false，未评分为 null */
            value: (number | boolean) | null;
            /** @description 该指标的说明（没有时不出现） */
            comment?: string;
        };
        AnswerInput: {
            indicator_code: string;
            /** @description score 指标填分数（0 到 max_score，0.5 的整数倍），check 指标填 true/false；null 或不填表示未评分 */
            value?: (number | boolean) | null;
            comment?: string;
        };
        Scoresheet: {
            id: components["schemas"]["ID"];
            assignment_id: components["schemas"]["ID"];
            status: components["schemas"]["SheetStatus"];
            /** @description 每次写入加 1；从未保存过为 0 */
            version: number;
            /** @description 被改革办重新开放，待再次提交 */
            reopened: boolean;
            /** @description 总体意见 */
            comment: string;
            scores: components["schemas"]["Answer"][];
            /** Format: date-time */
            submitted_at: string | null;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
        };
        ScoresheetRequest: {
            /** @description 所依据的评分表版本（从未保存过为 0） */
            version: number;
            comment?: string;
            /** @description 每个指标至多一项；可以只填部分指标 */
            scores?: components["schemas"]["AnswerInput"][];
        };
        SubmitRequest: {
            /** @description 所依据的评分表版本 */
            version: number;
        };
        Finding: {
            id: components["schemas"]["ID"];
            round_id: components["schemas"]["ID"];
            assignment_id: components["schemas"]["ID"];
            plan_id: components["schemas"]["ID"];
            evaluator_id: components["schemas"]["ID"];
            /** @description 相关指标；没有时为空字符串 */
            indicator_code: string;
            severity: components["schemas"]["Severity"];
            description: string;
            /** @description 整改建议 */
            recommendation: string;
            status: components["schemas"]["FindingStatus"];
            /**
             * Format: date
             * @description 整改期限（发布日期加该严重程度的整改天数）；发布前为 null
             */
            due_on: string | null;
            /**
             * Format: int64
             * @description 上轮未整改问题结转到本轮时，原问题所在的轮次；本轮提出的问题为 null
             */
            carried_from_round_id: number | null;
            /**
             * Format: int64
             * @description 结转自哪个问题（原问题留在原轮次不变）；本轮提出的问题为 null
             */
            carried_from_finding_id: number | null;
            /**
             * Format: date-time
             * @description 本轮评估人员核查结转问题的时间；未核查或不是结转的问题为 null
             */
            carried_checked_at: string | null;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
        };
        FindingRequest: {
            indicator_code?: string;
            severity: components["schemas"]["Severity"];
            description: string;
            recommendation: string;
        };
        FindingPatch: {
            indicator_code?: string;
            severity?: components["schemas"]["Severity"];
            description?: string;
            recommendation?: string;
        };
        FindingList: {
            items: components["schemas"]["Finding"][];
            /** Format: int64 */
            total: number;
        };
        DimensionScore: {
            code: string;
            name: string;
            score: components["schemas"]["Hundredths"];
            /** @description 部门自评该维度的得分；没有已提交的自评时为 null */
            self_score: components["schemas"]["Hundredths"] | null;
        };
        IndicatorStat: {
            code: string;
            mean: components["schemas"]["Hundredths"];
            min: components["schemas"]["Hundredths"];
            max: components["schemas"]["Hundredths"];
        };
        RaterTotal: {
            assignment_id: components["schemas"]["ID"];
            /** @description 评估机构名称 */
            agency: string;
            total: components["schemas"]["Hundredths"];
            /** @description 计入平均（5 份及以上时去掉一个最高分和一个最低分） */
            kept: boolean;
            /** @description 与中位数相差超过离群阈值（只标记，不剔除） */
            outlier: boolean;
        };
        StepRequest: {
            /** @description 在有就绪提醒时仍执行该步骤的理由，记入审计日志 */
            reason?: string;
        };
        ReadinessIssue: {
            /**
             * @description `carried_unchecked`：评估中或评分已截止时，结转到本轮的上轮未整改问题还有未经评估人员核查的（提醒，不阻止）
             * @enum {string}
             */
            code: "sheets_missing" | "plans_without_result" | "plans_below_assigned" | "self_assessments_missing" | "carried_unchecked" | "findings_open" | "narratives_pending";
            message: string;
            plan_ids: components["schemas"]["ID"][];
        };
        RoundProgress: {
            status: components["schemas"]["RoundStatus"];
            /** Format: date */
            scoring_due: string;
            /** @description 评估中距评分截止的天数（当天为 0，过期为负）；其他状态为 null */
            days_left: number | null;
            sheets: {
                assigned: number;
                submitted: number;
                draft: number;
                not_started: number;
            };
            /** @description 全部已提交评分表总分的平均；没有时为 null */
            mean_total: components["schemas"]["Hundredths"] | null;
            by_agency: {
                agency_id: components["schemas"]["ID"];
                name: string;
                evaluators: number;
                assigned: number;
                submitted: number;
                draft: number;
                not_started: number;
                /** @description 该机构已提交评分表总分的平均（宽严度）；没有时为 null */
                mean_total: components["schemas"]["Hundredths"] | null;
            }[];
            by_evaluator: {
                evaluator_id: components["schemas"]["ID"];
                name: string;
                agency_id: components["schemas"]["ID"];
                agency: string;
                assigned: number;
                submitted: number;
                draft: number;
                not_started: number;
                /** @description 未提交评分表的任务 id */
                pending_assignment_ids: components["schemas"]["ID"][];
                /** @description 其牵头的方案中评估结论尚未提交的数目 */
                narratives_outstanding: number;
            }[];
            self_assessments: {
                expected: number;
                submitted: number;
                outstanding: number;
            };
            /** @description 本轮有分配的方案各一份评估结论：已提交待审定、已审定、尚未提交 */
            narratives: {
                expected: number;
                submitted: number;
                approved: number;
                outstanding: number;
            };
        };
        Readiness: {
            /** @enum {string|null} */
            next_step: "close_scoring" | "publish" | "archive" | null;
            sheets: {
                assigned: number;
                submitted: number;
                draft: number;
                not_started: number;
            };
            by_agency: {
                agency_id: components["schemas"]["ID"];
                name: string;
                assigned: number;
                submitted: number;
            }[];
            by_evaluator: {
                evaluator_id: components["schemas"]["ID"];
                name: string;
                assigned: number;
                submitted: number;
            }[];
            /** @description 结果为 none 或 insufficient 的方案 */
            plans_without_result: components["schemas"]["ID"][];
            /** @description 结果完整、但已提交的评分表少于分配份数的方案 */
            plans_below_assigned: components["schemas"]["ID"][];
            self_assessments: {
                expected: number;
                submitted: number;
            };
            /** @description 要求审定评估结论时，结果完整的方案数及其中已审定的数目；不要求时均为 0 */
            narratives: {
                expected: number;
                approved: number;
            };
            findings: {
                published: number;
                accepted: number;
                overdue: number;
                /** @description 从此前轮次结转到本轮的问题数 */
                carried: number;
                /** @description 其中评估人员已核查的 */
                carried_checked: number;
            };
            blockers: components["schemas"]["ReadinessIssue"][];
            warnings: components["schemas"]["ReadinessIssue"][];
        };
        /**
         * @description complete：已提交评分表不少于轮次的 min_raters；insufficient：有 1 至 min_raters−1 份；none：没有已提交的评分表。
         *     不是 complete 的方案没有总分、等次、名次和评估报告。
         * @enum {string}
         */
        ResultStatus: "complete" | "insufficient" | "none";
        ResultItem: {
            plan_id: components["schemas"]["ID"];
            code: string;
            title: string;
            lead_department_id: components["schemas"]["ID"];
            /** @description 已提交的评分表数 */
            raters: number;
            /** @description 计入平均的评分表数 */
            raters_kept: number;
            result_status: components["schemas"]["ResultStatus"];
            /** @description 总分；结果不是 complete 时为 null（此前为 0） */
            total: components["schemas"]["Hundredths"] | null;
            /** @description 等次；一票否决时为 不合格；结果不是 complete 时为 null（此前为空字符串） */
            grade: string | null;
            /** @description 名次（总分相同并列，只在结果完整的方案中排名）；结果不是 complete 时为 null（此前为 0） */
            rank: number | null;
            /** @description 结果完整（complete）因而有名次的方案数（名次 x/N 的 N） */
            ranked_plans: number;
            /** @description 超过半数保留的评估人员在一票否决项上选了“否” */
            veto: boolean;
            std_dev: components["schemas"]["Hundredths"];
            range: components["schemas"]["Hundredths"];
            dimensions: components["schemas"]["DimensionScore"][];
            /** @description 已提交自评的总分（按一份评分表计算）；没有已提交的自评时为 null */
            self_total: components["schemas"]["Hundredths"] | null;
            /** @description 自评总分 − 第三方评估总分（两位小数）；没有已提交的自评或结果不是 complete 时为 null */
            self_gap: components["schemas"]["Hundredths"] | null;
            /** @description 离群评分的任务 id，从小到大 */
            outliers: components["schemas"]["ID"][];
        };
        ResultList: {
            items: components["schemas"]["ResultItem"][];
            /** Format: int64 */
            total: number;
        };
        /** @description 字段同 ResultItem，但 `raters` 是每位评估人员的总分，另有 `indicators` */
        ResultDetail: {
            plan_id: components["schemas"]["ID"];
            code: string;
            title: string;
            lead_department_id: components["schemas"]["ID"];
            /** @description 每份已提交评分表的总分，按任务 id 排序 */
            raters: components["schemas"]["RaterTotal"][];
            raters_kept: number;
            result_status: components["schemas"]["ResultStatus"];
            total: components["schemas"]["Hundredths"] | null;
            grade: string | null;
            rank: number | null;
            ranked_plans: number;
            veto: boolean;
            std_dev: components["schemas"]["Hundredths"];
            range: components["schemas"]["Hundredths"];
            dimensions: components["schemas"]["DimensionScore"][];
            /** @description 已提交自评的总分（按一份评分表计算）；没有已提交的自评时为 null */
            self_total: components["schemas"]["Hundredths"] | null;
            /** @description 自评总分 − 第三方评估总分（两位小数）；没有已提交的自评或尚无第三方评分时为 null */
            self_gap: components["schemas"]["Hundredths"] | null;
            outliers: components["schemas"]["ID"][];
            /** @description 各指标在保留的评分中的均值、最低分和最高分 */
            indicators: components["schemas"]["IndicatorStat"][];
            /** @description 本轮结果完整的方案的平均总分和各维度平均分（四舍五入到两位小数）；评估人员和尚无完整结果时为 null */
            round_mean: {
                plans: number;
                total: components["schemas"]["Hundredths"];
                dimensions: components["schemas"]["DimensionScore"][];
            } | null;
        };
        /**
         * @description 整改进度：未开始、进行中、已完成
         * @enum {string}
         */
        Progress: "not_started" | "in_progress" | "completed";
        /**
         * @description 整改回复工作稿的状态：draft 草稿（含被退回后重新填写），submitted 已提交
         * @enum {string}
         */
        ResponseStatus: "draft" | "submitted";
        /**
         * @description 审核结论：accepted 通过（销号），returned 退回
         * @enum {string}
         */
        Verdict: "accepted" | "returned";
        /**
         * @description 按文件内容判断的类型：PDF、JPEG、PNG、DOCX、XLSX
         * @enum {string}
         */
        EvidenceContentType: "application/pdf" | "image/jpeg" | "image/png" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        /** @description SHA-256（十六进制小写） */
        SHA256: string;
        RoundRef: {
            id: components["schemas"]["ID"];
            name: string;
            status: components["schemas"]["RoundStatus"];
        };
        /** @description 一个佐证材料 */
        AttachmentView: {
            id: components["schemas"]["ID"];
            /** @description 上传时的文件名 */
            name: string;
            /**
             * Format: int64
             * @description 字节数
             */
            size: number;
            sha256: components["schemas"]["SHA256"];
            content_type: components["schemas"]["EvidenceContentType"];
            /** @description 随第几次整改回复提交；尚未提交（可以删除）为 null */
            submitted_in: number | null;
            created_at: components["schemas"]["DateTime"];
        };
        /** @description 一次已提交的整改回复所带的佐证材料 */
        AttachmentRef: {
            id: components["schemas"]["ID"];
            name: string;
            /** Format: int64 */
            size: number;
            sha256: components["schemas"]["SHA256"];
        };
        /** @description 整改回复：牵头部门看到本部门的工作稿（草稿或已提交），其他人看到最近一次提交的内容（`status` 总是 submitted） */
        ResponseView: {
            status: components["schemas"]["ResponseStatus"];
            /** @description 工作稿的版本（每次保存或提交加 1），供部门下次保存时带上 */
            version: number;
            /** @description 已提交的次数 */
            number: number;
            /** @description 整改措施 */
            measures: string;
            /** @description 责任人 */
            responsible_person: string;
            progress: components["schemas"]["Progress"];
            /**
             * Format: date
             * @description 完成日期
             */
            completed_on: string | null;
            /** @description 佐证说明 */
            evidence: string;
            /** @description 佐证材料，按 id 排序；部门看到的包括尚未提交的，其他人只看到已提交的 */
            attachments: components["schemas"]["AttachmentView"][];
            /**
             * Format: date-time
             * @description 最近一次提交的时间；从未提交过的草稿为 null
             */
            submitted_at: string | null;
            updated_at: components["schemas"]["DateTime"];
        };
        /** @description 整改中的问题，连同其轮次、方案和整改回复 */
        FindingView: {
            id: components["schemas"]["ID"];
            round_id: components["schemas"]["ID"];
            round: components["schemas"]["RoundRef"];
            plan_id: components["schemas"]["ID"];
            plan: components["schemas"]["PlanRef"];
            lead_department_id: components["schemas"]["ID"];
            /**
             * Format: int64
             * @description 记录问题的评估任务；部门用户看到的为 null
             */
            assignment_id: number | null;
            /**
             * Format: int64
             * @description 记录问题的评估人员；部门用户看到的为 null
             */
            evaluator_id: number | null;
            /** @description 相关指标；没有时为空字符串 */
            indicator_code: string;
            severity: components["schemas"]["Severity"];
            description: string;
            /** @description 整改建议 */
            recommendation: string;
            status: components["schemas"]["FindingStatus"];
            /**
             * Format: date
             * @description 整改期限；发布前为 null
             */
            due_on: string | null;
            /** @description 未销号且已过整改期限 */
            overdue: boolean;
            /**
             * Format: int64
             * @description 上轮未整改问题结转到本轮时，原问题所在的轮次；本轮提出的问题为 null
             */
            carried_from_round_id: number | null;
            /**
             * Format: int64
             * @description 结转自哪个问题（原问题留在原轮次不变）；本轮提出的问题为 null
             */
            carried_from_finding_id: number | null;
            /**
             * Format: date-time
             * @description 本轮评估人员核查结转问题的时间；未核查或不是结转的问题为 null
             */
            carried_checked_at: string | null;
            /** @description 整改回复；部门尚未保存过（或其他人看时尚未提交过）为 null */
            response: components["schemas"]["ResponseView"] | null;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
        };
        FindingViewList: {
            items: components["schemas"]["FindingView"][];
            /** Format: int64 */
            total: number;
        };
        HistoryVerdict: {
            verdict: components["schemas"]["Verdict"];
            /** @description 审核意见（退回时必有） */
            comment: string;
            /** @description 审核者（现在）的角色：admin 或 evaluator */
            verifier_role: components["schemas"]["Role"];
            /**
             * Format: int64
             * @description 审核者的用户 id；部门用户看到的为 null
             */
            verified_by: number | null;
            verified_at: components["schemas"]["DateTime"];
        };
        /** @description 一次提交的整改回复（提交时的内容）及其审核结论 */
        HistoryEntry: {
            /** @description 第几次提交 */
            number: number;
            measures: string;
            responsible_person: string;
            progress: components["schemas"]["Progress"];
            /** Format: date */
            completed_on: string | null;
            evidence: string;
            attachments: components["schemas"]["AttachmentRef"][];
            submitted_at: components["schemas"]["DateTime"];
            /** @description 审核结论；尚未审核为 null */
            verdict: components["schemas"]["HistoryVerdict"] | null;
        };
        FindingHistory: {
            finding: components["schemas"]["FindingView"];
            /** @description 每一次提交的整改回复，从早到晚 */
            versions: components["schemas"]["HistoryEntry"][];
        };
        ResponseRequest: {
            /** @description 整改措施 */
            measures: string;
            /** @description 责任人 */
            responsible_person: string;
            progress: components["schemas"]["Progress"];
            /**
             * Format: date
             * @description 完成日期，不晚于今天；progress 为 completed 时必填
             */
            completed_on?: string | null;
            /** @description 佐证说明 */
            evidence?: string;
            /** @description 所依据的工作稿版本；给出时版本过期返回 409，不给则不检查 */
            version?: number;
        };
        SubmitResponseRequest: {
            /** @description 所依据的工作稿版本；给出时版本过期返回 409，不给则不检查 */
            version?: number;
        };
        VerifyRequest: {
            verdict: components["schemas"]["Verdict"];
            /** @description 审核意见；退回时必填 */
            comment?: string;
        };
        PlanRectification: {
            plan_id: components["schemas"]["ID"];
            code: string;
            title: string;
            department_id: components["schemas"]["ID"];
            /**
             * Format: int64
             * @description 已发布的问题数（发布前为 0）
             */
            published: number;
            /**
             * Format: int64
             * @description 已销号的问题数
             */
            accepted: number;
            /**
             * Format: int64
             * @description 逾期的问题数
             */
            overdue: number;
            /** @description 整改率 = 已销号 / 已发布，四位小数；没有已发布的问题时为 null */
            rate: number | null;
        };
        DepartmentRectification: {
            department_id: components["schemas"]["ID"];
            name: string;
            /** @description 本轮评估的该部门牵头方案数 */
            plans: number;
            /** Format: int64 */
            published: number;
            /** Format: int64 */
            accepted: number;
            /** Format: int64 */
            overdue: number;
            /** @description 整改率，四位小数；没有已发布的问题时为 null */
            rate: number | null;
        };
        Rectification: {
            round_id: components["schemas"]["ID"];
            /** @description 本轮评估的方案，按编号排序 */
            plans: components["schemas"]["PlanRectification"][];
            /** @description 牵头部门，逾期多的在前，再按名称 */
            departments: components["schemas"]["DepartmentRectification"][];
        };
        /**
         * @description open 待答复；answered 已答复（轮次发布前部门仍可修改答复）
         * @enum {string}
         */
        RequestStatus: "open" | "answered";
        RequestAsk: {
            /** @description 需要补充的材料或需要说明的问题 */
            question: string;
        };
        RequestAnswer: {
            /** @description 部门的答复 */
            answer: string;
        };
        /** @description 提出请求的评估人员（只有 admin 能看到） */
        RequestAsker: {
            id: components["schemas"]["ID"];
            display_name: string;
            /** Format: int64 */
            agency_id: number;
            agency_name: string;
            /**
             * Format: int64
             * @description 提出请求的任务；任务已删除为 null
             */
            assignment_id: number | null;
        };
        /**
         * @description 一条补充材料请求。部门看到的没有 `mine` 和 `asked_by`，也没有任何评估人员、机构或用户的名称和 id；
         *     评估人员看到 `mine`；admin 看到 `asked_by`。`attachments` 在答复前只有部门能看到（其他人为空列表）。
         */
        MaterialRequest: {
            id: components["schemas"]["ID"];
            round_id: components["schemas"]["ID"];
            round: components["schemas"]["RoundRef"];
            plan_id: components["schemas"]["ID"];
            plan: components["schemas"]["PlanRef"];
            question: string;
            status: components["schemas"]["RequestStatus"];
            /** @description 部门的答复；未答复为空字符串 */
            answer: string;
            /**
             * Format: date-time
             * @description 最近一次答复的时间；未答复为 null
             */
            answered_at: string | null;
            created_at: components["schemas"]["DateTime"];
            attachments: components["schemas"]["AttachmentView"][];
            /** @description 是否本人提出（只对评估人员） */
            mine?: boolean;
            asked_by?: components["schemas"]["RequestAsker"];
        };
        MaterialRequestList: {
            items: components["schemas"]["MaterialRequest"][];
            /** Format: int64 */
            total: number;
        };
        /**
         * @description pending 待填写（从未保存，版本 0）；draft 草稿；submitted 已提交；returned 被改革办退回
         * @enum {string}
         */
        SelfAssessmentStatus: "pending" | "draft" | "submitted" | "returned";
        SelfScore: {
            indicator_code: string;
            /** @description score 指标为分数（0.5 的整数倍），check 指标为 true/false，未填为 null */
            value: (number | boolean) | null;
            /** @description 自评说明 */
            explanation: string;
        };
        SelfScoreInput: {
            indicator_code: string;
            /** @description score 指标填分数（0 到 max_score，0.5 的整数倍），check 指标填 true/false；null 或不填表示未填 */
            value?: (number | boolean) | null;
            explanation?: string;
        };
        /** @description 自评的一个佐证材料 */
        SelfAttachment: {
            id: components["schemas"]["ID"];
            /** @description 上传时的文件名 */
            name: string;
            /**
             * Format: int64
             * @description 字节数
             */
            size: number;
            sha256: components["schemas"]["SHA256"];
            content_type: components["schemas"]["EvidenceContentType"];
            /** @description 关联的指标编号；未关联具体指标为空字符串 */
            indicator_code: string;
            created_at: components["schemas"]["DateTime"];
        };
        SelfAssessmentItem: {
            id: components["schemas"]["ID"];
            round_id: components["schemas"]["ID"];
            round_name: string;
            round_status: components["schemas"]["RoundStatus"];
            plan: components["schemas"]["PlanRef"];
            department_id: components["schemas"]["ID"];
            /** @description 牵头部门名称 */
            department_name: string;
            status: components["schemas"]["SelfAssessmentStatus"];
            /**
             * Format: date
             * @description 截止日期：改革办单独延期的日期，否则轮次的 self_assessment_due
             */
            due_on: string | null;
            /** @description 改革办为本自评单独延期过 */
            extended: boolean;
            /** @description 轮次评估中、已过截止日期且尚未提交（被退回的不算） */
            overdue: boolean;
            /** Format: date-time */
            submitted_at: string | null;
            /** @description 按一份评分表计算的自评总分（只计已填的指标）；一项都未填时为 null */
            self_total: components["schemas"]["Hundredths"] | null;
        };
        SelfAssessmentList: {
            items: components["schemas"]["SelfAssessmentItem"][];
            /** Format: int64 */
            total: number;
        };
        /** @description 字段同 SelfAssessmentItem，另有版本、总体自评、退回意见、各指标自评值和佐证材料 */
        SelfAssessment: {
            id: components["schemas"]["ID"];
            round_id: components["schemas"]["ID"];
            round_name: string;
            round_status: components["schemas"]["RoundStatus"];
            plan: components["schemas"]["PlanRef"];
            department_id: components["schemas"]["ID"];
            /** @description 牵头部门名称 */
            department_name: string;
            status: components["schemas"]["SelfAssessmentStatus"];
            /**
             * Format: date
             * @description 截止日期：改革办单独延期的日期，否则轮次的 self_assessment_due
             */
            due_on: string | null;
            /** @description 改革办为本自评单独延期过 */
            extended: boolean;
            /** @description 轮次评估中、已过截止日期且尚未提交（被退回的不算） */
            overdue: boolean;
            /** Format: date-time */
            submitted_at: string | null;
            /** @description 按一份评分表计算的自评总分（只计已填的指标）；一项都未填时为 null */
            self_total: components["schemas"]["Hundredths"] | null;
            /** @description 每次写入加 1；从未保存过为 0 */
            version: number;
            /** @description 总体自评（实施情况自评） */
            summary: string;
            /** @description 改革办退回时的意见；从未退回为空字符串 */
            comment: string;
            /** Format: date-time */
            returned_at: string | null;
            scores: components["schemas"]["SelfScore"][];
            attachments: components["schemas"]["SelfAttachment"][];
            /** @description 本轮指标体系，供部门填写（评估任务中的自评不含此字段，任务本身已带指标体系） */
            template?: components["schemas"]["Template"];
        };
        SelfAssessmentRequest: {
            /** @description 所依据的版本（从未保存过为 0） */
            version: number;
            summary?: string;
            /** @description 每个指标至多一项；可以只填部分指标 */
            scores?: components["schemas"]["SelfScoreInput"][];
        };
        ReturnSelfRequest: {
            /** @description 退回意见 */
            comment: string;
        };
        ExtendSelfRequest: {
            due_on: components["schemas"]["Date"];
        };
        /**
         * @description findings_published 问题已发布；awaiting_verdict 整改回复待审核；response_accepted 整改已销号；
         *     response_returned 整改回复被退回；due_soon 整改即将到期；overdue 整改已逾期；reminder 改革办催办；
         *     request_asked 有待答复的补充材料请求（部门，不提是谁提出的）；request_answered 补充材料请求已答复（该方案的评估人员）；
         *     narrative_lead 请牵头撰写评估结论；narrative_returned 评估结论被退回；narrative_submitted 评估结论待审定；
         *     self_assessment_open 请填写自评；self_assessment_due_soon 自评即将截止；self_assessment_overdue 自评已逾期；
         *     self_assessment_returned 自评被退回；self_assessment_submitted 自评已提交（改革办）；self_assessment_extended 自评已延期
         * @enum {string}
         */
        NoticeKind: "findings_published" | "awaiting_verdict" | "response_accepted" | "response_returned" | "due_soon" | "overdue" | "reminder" | "request_asked" | "request_answered" | "narrative_lead" | "narrative_returned" | "narrative_submitted" | "self_assessment_open" | "self_assessment_due_soon" | "self_assessment_overdue" | "self_assessment_returned" | "self_assessment_submitted" | "self_assessment_extended";
        Notification: {
            id: components["schemas"]["ID"];
            kind: components["schemas"]["NoticeKind"];
            title: string;
            body: string;
            /** @description 网页界面中的路径，如 /findings/12 */
            link: string;
            /** @description 相关对象的类型，如 finding、round */
            entity: string;
            /** Format: int64 */
            entity_id: number;
            /**
             * Format: date-time
             * @description 已读时间；未读为 null
             */
            read_at: string | null;
            created_at: components["schemas"]["DateTime"];
        };
        NotificationList: {
            items: components["schemas"]["Notification"][];
            /** Format: int64 */
            total: number;
            /**
             * Format: int64
             * @description 调用者全部未读通知的数目
             */
            unread: number;
        };
        ReadAllResult: {
            /**
             * Format: int64
             * @description 本次标为已读的通知数
             */
            read: number;
        };
        TodoItem: {
            /**
             * @description scoresheet 评分（评估人员）；verify 审核整改回复（评估人员）；narrative 撰写或修改评估结论（牵头评估人员）；
             *     respond 整改或重新提交（部门）；self_assessment 填写或修改被退回的自评（部门）；
             *     missing_scoresheets 本轮未提交的评分表、awaiting_verdicts 本轮待审核的整改回复、
             *     awaiting_narratives 本轮待审定的评估结论、missing_self_assessments 本轮未提交的部门自评（admin）；
             *     answer_request 待答复的补充材料请求（部门）；awaiting_answer 本人提出、等待部门答复的补充材料请求（评估人员）
             * @enum {string}
             */
            kind: "scoresheet" | "verify" | "respond" | "narrative" | "self_assessment" | "missing_scoresheets" | "awaiting_verdicts" | "awaiting_narratives" | "missing_self_assessments" | "answer_request" | "awaiting_answer";
            title: string;
            detail: string;
            /**
             * Format: date
             * @description 期限；没有期限为 null
             */
            due_on: string | null;
            overdue: boolean;
            /** @description 网页界面中的路径 */
            link: string;
            /** @description 相关对象的类型：assignment、finding、round 或 request */
            entity: string;
            /** Format: int64 */
            entity_id: number;
            /** @description 这一项包含的事项数 */
            count: number;
        };
        TodoList: {
            items: components["schemas"]["TodoItem"][];
            /** Format: int64 */
            total: number;
        };
        RemindRequest: {
            /** @description 只催办这些评估人员；省略时催办本轮所有尚有待办事项的人 */
            evaluator_ids?: components["schemas"]["ID"][];
        };
        RemindResult: {
            /** @description 收到催办通知的人数 */
            notified: number;
        };
        /**
         * @description evaluation 评估报告；rectification 整改情况报告；summary_pdf、summary_xlsx 本轮评估结果汇总（PDF、XLSX）；scorecard 部门年度考核计分表（属于年度，不属于轮次）
         * @enum {string}
         */
        ReportKind: "evaluation" | "rectification" | "summary_pdf" | "summary_xlsx" | "scorecard";
        /**
         * @description 排队中、生成中、已完成、失败
         * @enum {string}
         */
        JobStatus: "queued" | "running" | "done" | "failed";
        /** @description 把一轮的全部报告打包为 ZIP 的任务 */
        JobResponse: {
            /**
             * Format: int64
             * @description 任务 id（与 `id` 相同）
             */
            job_id: number;
            id: components["schemas"]["ID"];
            round_id: components["schemas"]["ID"];
            status: components["schemas"]["JobStatus"];
            /** @description 已生成的文件数 */
            done: number;
            /** @description 要生成的文件数：每个方案的评估报告，结果发布后另有每个方案的整改情况报告，以及汇总的 PDF 和 XLSX */
            total: number;
            /**
             * Format: int64
             * @description ZIP 的字节数；完成前为 0
             */
            size: number;
            /** @description 失败的原因；没有失败时为空字符串 */
            error: string;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
            /**
             * Format: date-time
             * @description 完成或失败的时间；尚未结束为 null
             */
            finished_at: string | null;
            /** @description 完成后为 ZIP 的下载地址；尚未完成（或失败）为 null */
            download_url: string | null;
        };
        /** @description 查到的报告：本平台发出过的文件 */
        VerifiedReport: {
            /**
             * @description 查到即为真；查不到时返回 404
             * @enum {boolean}
             */
            genuine: true;
            kind: components["schemas"]["ReportKind"];
            /** @description 报告所属的轮次；年度报告（部门年度考核计分表）为 null */
            round: components["schemas"]["RoundRef"] | null;
            /** @description 年度报告所属的年份（如部门年度考核计分表的 2026）；轮次的报告为 null */
            year: number | null;
            /** @description 报告所属的方案；轮次汇总为 null */
            plan: components["schemas"]["PlanRef"] | null;
            /** @description 报告上的日期 */
            report_date: components["schemas"]["Date"];
            /** @description 服务器第一次发出这份文件的时间 */
            generated_at: components["schemas"]["DateTime"];
            sha256: components["schemas"]["SHA256"];
            /** @description 报告的校验码（封面印有其前 16 位） */
            verification_code: string;
            /** @description 评估报告的版本（发布时为第 1 版，每次重新出具加一）；预览稿和其他报告为 null */
            version: number | null;
            /** @description 已被取代时为当前版本号；当前版本为 null */
            superseded_by: number | null;
            /** @description 发布前改革办预览的草稿（每页有“草稿”水印），不是正式报告 */
            draft: boolean;
        };
        /**
         * @description 草稿、已发布（收集中）、已结束
         * @enum {string}
         */
        SurveyStatus: "draft" | "published" | "closed";
        /**
         * @description single 单选；multiple 多选；likert5 五级量表（1–5）；nps 推荐度（0–10）；text 文字（≤ 2000 字）
         * @enum {string}
         */
        QuestionKind: "single" | "multiple" | "likert5" | "nps" | "text";
        /** @description 只在本题之前的问题 `question` 的答案等于 `equals` 时显示本题 */
        ShowIf: {
            /** @description 本题之前的一个单选、五级量表或推荐度题的编号 */
            question: string;
            /** @description 单选题的一个选项，或量表范围内的整数 */
            equals: string | number;
        };
        ShowIfInput: {
            question: string;
            equals: string | number;
        };
        SurveyQuestion: {
            code: string;
            text: string;
            kind: components["schemas"]["QuestionKind"];
            /** @description 单选题和多选题的选项；其他题型没有 */
            options?: string[];
            /** @description 显示时是否必答 */
            required: boolean;
            show_if?: components["schemas"]["ShowIf"];
        };
        SurveyQuestionInput: {
            code: string;
            text: string;
            kind: components["schemas"]["QuestionKind"];
            options?: string[];
            /** @default false */
            required?: boolean;
            show_if?: components["schemas"]["ShowIfInput"];
        };
        Survey: {
            id: components["schemas"]["ID"];
            title: string;
            intro: string;
            /**
             * Format: int64
             * @description 关联的评估轮次
             */
            round_id: number | null;
            /**
             * Format: int64
             * @description 关联的方案
             */
            plan_id: number | null;
            /**
             * Format: date-time
             * @description 截止时间；过后不再接受答卷
             */
            closes_at: string | null;
            status: components["schemas"]["SurveyStatus"];
            /** @description 公开令牌，发布时生成 */
            token: string | null;
            /** @description 公开链接，发布后才有 */
            public_url: string | null;
            questions: components["schemas"]["SurveyQuestion"][];
            /**
             * Format: int64
             * @description 已收到的答卷数
             */
            responses: number;
            /** Format: int64 */
            created_by: number | null;
            /** Format: date-time */
            published_at: string | null;
            /** Format: date-time */
            closed_at: string | null;
            created_at: components["schemas"]["DateTime"];
            updated_at: components["schemas"]["DateTime"];
        };
        SurveyList: {
            items: components["schemas"]["Survey"][];
            /** Format: int64 */
            total: number;
        };
        SurveyRequest: {
            title: string;
            intro?: string;
            /** Format: int64 */
            round_id?: number;
            /** Format: int64 */
            plan_id?: number;
            /** Format: date-time */
            closes_at?: string;
            questions?: components["schemas"]["SurveyQuestionInput"][];
        };
        SurveyPatch: {
            title?: string;
            intro?: string;
            /**
             * Format: int64
             * @description 0 取消关联
             */
            round_id?: number;
            /**
             * Format: int64
             * @description 0 取消关联
             */
            plan_id?: number;
            /** Format: date-time */
            closes_at?: string;
            questions?: components["schemas"]["SurveyQuestionInput"][];
        };
        PublishResponse: {
            token: string;
            public_url: string;
        };
        QuestionResult: {
            code: string;
            text: string;
            kind: components["schemas"]["QuestionKind"];
            /**
             * Format: int64
             * @description 作答人数
             */
            answered: number;
            /** @description 各选项（单选、多选）或分值（"1"…"5"、"0"…"10"）的人数，按题目中的顺序；文字题没有 */
            counts?: {
                [key: string]: number;
            };
            /** @description 五级量表题和推荐度题的平均分（有人作答时） */
            mean?: components["schemas"]["Hundredths"];
            /** @description 推荐度题的净推荐值：9–10 分的百分比减 0–6 分的百分比（−100 到 100） */
            nps_score?: components["schemas"]["Hundredths"];
        };
        SurveyResults: {
            survey_id: components["schemas"]["ID"];
            title: string;
            status: components["schemas"]["SurveyStatus"];
            /** Format: int64 */
            responses: number;
            /** @description 满意度指数 0–100：（全部五级量表题答案的平均分 − 1）÷ 4 × 100；没有五级量表答案时为 null */
            satisfaction_index: components["schemas"]["Hundredths"] | null;
            questions: components["schemas"]["QuestionResult"][];
        };
        /** @description 关联本方案本轮次的已发布或已结束问卷 */
        SurveySummary: {
            id: components["schemas"]["ID"];
            title: string;
            status: components["schemas"]["SurveyStatus"];
            /** Format: int64 */
            responses: number;
            satisfaction_index: components["schemas"]["Hundredths"] | null;
        };
        PublicSurvey: {
            title: string;
            intro: string;
            /** Format: date-time */
            closes_at: string | null;
            questions: components["schemas"]["SurveyQuestion"][];
        };
        SurveyAnswerRequest: {
            /** @description 以问题编号为键的答案 */
            answers: {
                [key: string]: unknown;
            };
        };
        SurveyAnswerAccepted: {
            message: string;
        };
        AuditEvent: {
            id: components["schemas"]["ID"];
            at: components["schemas"]["DateTime"];
            /**
             * Format: int64
             * @description 操作者；系统操作（命令行、启动任务）为 null
             */
            actor_id: number | null;
            actor_name: string;
            /** @description 如 plan.create、round.published、scoresheet.submit */
            action: string;
            entity: string;
            /** Format: int64 */
            entity_id: number;
            /** @description 操作前的对象（JSON 文本）；新建时为 "null" */
            before: string;
            /** @description 操作后的对象（JSON 文本）；删除时为 "null" */
            after: string;
            prev_hash: string;
            hash: string;
        };
        AuditList: {
            items: components["schemas"]["AuditEvent"][];
            /** Format: int64 */
            total: number;
        };
    };
    responses: {
        /** @description 请求格式错误：请求体不是 JSON 或 JSON 之后还有内容，或查询参数不合法（`bad_request`，`fields` 指明该参数） */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 未登录或登录已过期（`unauthenticated`）；登录时为用户名或密码错误（`bad_credentials`） */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 调用者的角色无权使用此接口（`forbidden`）；或能看到该对象但无权这样做（`not_lead`：只有牵头评估机构的评估人员能撰写评估结论） */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 对象不存在或不属于调用者（`not_found`） */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description 当前状态下不能这样做：`stale_version`（版本已过期）、`wrong_state`（轮次状态不对）、`submitted`（评分表已提交，
         *     或佐证材料已随整改回复提交）、`past_due`（已过评分截止日期）、`not_submitted`（评分表未提交）、`duplicate`（重复）、
         *     `in_use`（仍被引用）、`has_findings`（评估任务下已记录问题）、`awaiting_verdict`（整改回复已提交，待审核）、
         *     `accepted`（问题已销号）、`not_responded`（没有待审核的整改回复）、`archived`（轮次已归档，只能查看）、
         *     `not_ready`（报告还不能生成：评分尚未截止或结果尚未发布；或报告任务尚未完成）、`last_admin`（不能改为其他角色或停用
         *     唯一在用的管理员）、`approved`（评估结论已审定）、`narratives_pending`（本轮要求评估结论审定后发布，`fields` 以方案 id
         *     为键列出评估结论尚未审定的方案）、`self_assessment_pending`（方案的部门自评尚未提交且未过截止日期，暂不能提交评分表）
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 请求体超过该接口的上限（`too_large`） */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 数据不合法（`invalid`，自动分配时为 `uncoverable_plans`）；`fields` 指明每个出错的字段 */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 该客户端地址查验文件过于频繁（`too_many_requests`） */
        VerifyRateLimited: {
            headers: {
                /** @description 多少秒后可以再试 */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 登录失败次数过多，该客户端地址（对该用户名）的登录暂被限制，密码未核对（`too_many_attempts`） */
        TooManyRequests: {
            headers: {
                /** @description 多少秒后可以再试 */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 服务器内部错误（`internal`） */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 数据库不可用（`database_unreachable`） */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 报告（PDF） */
        ReportPDF: {
            headers: {
                "Content-Disposition": components["headers"]["ReportDisposition"];
                "X-Report-SHA256": components["headers"]["ReportSHA256"];
                "X-Report-Verification-Code": components["headers"]["ReportVerificationCode"];
                "Cache-Control": components["headers"]["NoStore"];
                [name: string]: unknown;
            };
            content: {
                "application/pdf": string;
            };
        };
        /** @description 问卷已结束或已过截止时间（`closed`） */
        SurveyClosed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description 同一客户端地址提交过于频繁（`too_many_requests`） */
        SurveyRateLimited: {
            headers: {
                /** @description 多少秒后可以再试 */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
        Page: number;
        /** @description 每页条数，1 到 500（超出返回 400） */
        PerPage: number;
        /** @description 对象 id（不是正整数时返回 404） */
        ID: number;
        /** @description 评估任务 id */
        AssignmentID: number;
        /** @description 方案 id */
        PlanID: number;
        /** @description 问卷的公开令牌（发布时生成） */
        SurveyToken: string;
    };
    requestBodies: never;
    headers: {
        /** @description `attachment`，带报告的文件名（RFC 2231 的 `filename*`），如“CD-2017-001 《…》第三方评估报告.pdf” */
        ReportDisposition: string;
        /** @description 报告文件的 SHA-256（十六进制小写），可用于查验报告真伪 */
        ReportSHA256: string;
        /** @description 报告的校验码（由报告数据计算，十六进制小写）；报告封面印有其前 16 位，可用于查验报告真伪 */
        ReportVerificationCode: string;
        /** @description 报告不被缓存 */
        NoStore: "no-store";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 服务正常 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 服务就绪 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 监控指标 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description 采集指标失败 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getOpenAPI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3 文档 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: Record<string, never>;
                        paths: Record<string, never>;
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description 登录成功 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已退出 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 当前用户 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    listLoginThrottles: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 登录计数列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginThrottleList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    clearLoginThrottle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已解除 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listOrgs: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 只列出该类型的单位 */
                kind?: components["schemas"]["OrgKind"];
                /** @description 名称包含的文字（最多 100 字，更长返回 422） */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 单位列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    createOrg: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgRequest"];
            };
        };
        responses: {
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Org"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 单位 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Org"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已删除 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    updateOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgPatch"];
            };
        };
        responses: {
            /** @description 修改后的单位 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Org"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 只列出该角色的用户 */
                role?: components["schemas"]["Role"];
                /** @description 只列出该单位的用户 */
                org_id?: number;
                /** @description 用户名或姓名包含的文字（最多 100 字，更长返回 422） */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 用户列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserRequest"];
            };
        };
        responses: {
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    exportUsersXLSX: {
        parameters: {
            query?: {
                /** @description 只列出该角色的用户 */
                role?: components["schemas"]["Role"];
                /** @description 只列出该单位的用户 */
                org_id?: number;
                /** @description 用户名或姓名包含的文字（最多 100 字，更长返回 422） */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX 工作簿 */
            200: {
                headers: {
                    /** @description `attachment`，中文文件名（RFC 2231 的 `filename*`）带导出日期，如“方案清单 2026-12-02.xlsx” */
                    "Content-Disposition": string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 用户 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserPatch"];
            };
        };
        responses: {
            /** @description 修改后的用户 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listPlans: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 编号或标题包含的文字（最多 100 字，更长返回 422） */
                q?: string;
                /** @description 改革领域（完全相同）（最多 100 字，更长返回 422） */
                field?: string;
                /** @description 审定机构（完全相同）（最多 100 字，更长返回 422） */
                approved_by?: string;
                /** @description 牵头单位 */
                lead_department_id?: number;
                /** @description 印发日期不早于 */
                issued_from?: string;
                /** @description 印发日期不晚于 */
                issued_to?: string;
                /** @description true 只列已销账的方案，false 只列未销账的；不给出时两者都列 */
                closed?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 方案列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanRequest"];
            };
        };
        responses: {
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    exportPlansXLSX: {
        parameters: {
            query?: {
                /** @description 编号或标题包含的文字（最多 100 字，更长返回 422） */
                q?: string;
                /** @description 改革领域（完全相同）（最多 100 字，更长返回 422） */
                field?: string;
                /** @description 审定机构（完全相同）（最多 100 字，更长返回 422） */
                approved_by?: string;
                /** @description 牵头单位 */
                lead_department_id?: number;
                /** @description 印发日期不早于 */
                issued_from?: string;
                /** @description 印发日期不晚于 */
                issued_to?: string;
                /** @description true 只列已销账的方案，false 只列未销账的；不给出时两者都列 */
                closed?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX 工作簿 */
            200: {
                headers: {
                    /** @description `attachment`，中文文件名（RFC 2231 的 `filename*`）带导出日期，如“方案清单 2026-12-02.xlsx” */
                    "Content-Disposition": string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getPlanImportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 导入模板 */
            200: {
                headers: {
                    /** @description `attachment`，中文文件名（RFC 2231 的 `filename*`）带导出日期，如“方案清单 2026-12-02.xlsx” */
                    "Content-Disposition": string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    importPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description .xlsx 或 .csv 文件
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description 已导入 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description 文件无法读取，或有出错的行（此时未写入任何数据） */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportRejected"] | components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 方案 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deletePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已删除 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    updatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanPatch"];
            };
        };
        responses: {
            /** @description 修改后的方案 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    closeOutPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 销账原因 */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description 已销账的方案 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getPlanHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 方案台账 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanHistory"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    checkCarriedFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已核查的问题 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Finding"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getDepartmentScorecard: {
        parameters: {
            query?: {
                /** @description 年份（2000–2100，其他返回 422）；不给出时为今年 */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 计分卡 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scorecard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    exportDepartmentScorecardXLSX: {
        parameters: {
            query?: {
                /** @description 年份（2000–2100，其他返回 422）；不给出时为今年 */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX 工作簿 */
            200: {
                headers: {
                    /** @description `attachment`，中文文件名（RFC 2231 的 `filename*`）带导出日期，如“2026年部门考核 2026-12-02.xlsx” */
                    "Content-Disposition": string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getDepartmentScorecardPDF: {
        parameters: {
            query?: {
                /** @description 年份（2000–2100，其他返回 422）；不给出时为今年 */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ReportPDF"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    reopenPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 恢复后的方案 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    listTemplates: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 指标体系列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    createTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateRequest"];
            };
        };
        responses: {
            /** @description 已创建（版本 1） */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 指标体系 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateRequest"];
            };
        };
        responses: {
            /** @description 已就地修改 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description 原指标体系已冻结，已生成新版本 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listConflicts: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 只列出该评估机构的回避声明 */
                agency_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 回避声明列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    createConflict: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConflictRequest"];
            };
        };
        responses: {
            /** @description 已登记 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conflict"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listRounds: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 名称包含的文字（最多 100 字，更长返回 422） */
                q?: string;
                /** @description 只列出该状态的轮次 */
                status?: components["schemas"]["RoundStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估轮次列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    createRound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundRequest"];
            };
        };
        responses: {
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估轮次 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundPatch"];
            };
        };
        responses: {
            /** @description 修改后的轮次 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    openRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 轮次已开始 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    closeRoundScoring: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StepRequest"];
            };
        };
        responses: {
            /** @description 评分已截止 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    publishRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StepRequest"];
            };
        };
        responses: {
            /** @description 已发布 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    archiveRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StepRequest"];
            };
        };
        responses: {
            /** @description 已归档 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getRoundReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 就绪情况 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getRoundProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 轮次进度 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundProgress"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listEligiblePlans: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 方案列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listRoundAssignments: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 只列出该方案的任务 */
                plan_id?: number;
                /** @description 只列出该评估人员的任务 */
                evaluator_id?: number;
                /** @description 只列出该状态的任务 */
                status?: components["schemas"]["AssignmentStatus"];
            };
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估任务列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentViewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentRequest"];
            };
        };
        responses: {
            /** @description 已分配 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    autoAssign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutoAssignRequest"];
            };
        };
        responses: {
            /** @description 预览（dry_run） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoAssignResult"];
                };
            };
            /** @description 已分配 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoAssignResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    remindRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RemindRequest"];
            };
        };
        responses: {
            /** @description 已催办 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemindResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    reopenScoresheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 评估任务 id */
                assignment_id: components["parameters"]["AssignmentID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已重新开放的评分表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scoresheet"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    listMyAssignments: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 只列出该轮次的任务 */
                round_id?: number;
                /** @description 只列出该方案的任务 */
                plan_id?: number;
                /** @description 只列出该状态的任务 */
                status?: components["schemas"]["AssignmentStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估任务列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentViewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估任务 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已删除 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    updateAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentPatch"];
            };
        };
        responses: {
            /** @description 修改后的评估任务 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    saveScoresheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScoresheetRequest"];
            };
        };
        responses: {
            /** @description 保存后的评分表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scoresheet"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    submitScoresheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitRequest"];
            };
        };
        responses: {
            /** @description 已提交的评分表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scoresheet"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listAssignmentFindings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 问题列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FindingRequest"];
            };
        };
        responses: {
            /** @description 已记录 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Finding"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 问题 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingView"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已删除 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    updateFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FindingPatch"];
            };
        };
        responses: {
            /** @description 修改后的问题 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Finding"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 结果列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getPlanResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 方案结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listRoundNarratives: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估结论列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NarrativeItemList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getNarrative: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估结论 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Narrative"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    saveNarrative: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NarrativeRequest"];
            };
        };
        responses: {
            /** @description 评估结论 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Narrative"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    submitNarrative: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NarrativeSubmit"];
            };
        };
        responses: {
            /** @description 评估结论 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Narrative"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    approveNarrative: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 评估结论 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Narrative"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    returnNarrative: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NarrativeReturn"];
            };
        };
        responses: {
            /** @description 评估结论 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Narrative"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listFindings: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 问题描述、方案编号或方案标题包含的文字（最多 100 字，更长返回 422） */
                q?: string;
                /** @description 只列出该轮次的问题 */
                round_id?: number;
                /** @description 只列出该方案的问题 */
                plan_id?: number;
                /** @description 只列出该状态的问题（其他值得到空列表） */
                status?: components["schemas"]["FindingStatus"];
                /** @description 只列出该严重程度的问题（其他值得到空列表） */
                severity?: components["schemas"]["Severity"];
                /** @description true 只列出逾期的问题，false 只列出未逾期的问题 */
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 问题列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingViewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    exportFindingsXLSX: {
        parameters: {
            query?: {
                /** @description 问题描述、方案编号或方案标题包含的文字（最多 100 字，更长返回 422） */
                q?: string;
                /** @description 只列出该轮次的问题 */
                round_id?: number;
                /** @description 只列出该方案的问题 */
                plan_id?: number;
                /** @description 只列出该状态的问题（其他值得到空列表） */
                status?: components["schemas"]["FindingStatus"];
                /** @description 只列出该严重程度的问题（其他值得到空列表） */
                severity?: components["schemas"]["Severity"];
                /** @description true 只列出逾期的问题，false 只列出未逾期的问题 */
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX 工作簿 */
            200: {
                headers: {
                    /** @description `attachment`，中文文件名（RFC 2231 的 `filename*`）带导出日期，如“方案清单 2026-12-02.xlsx” */
                    "Content-Disposition": string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    saveResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseRequest"];
            };
        };
        responses: {
            /** @description 保存后的整改回复（工作稿） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    submitResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SubmitResponseRequest"];
            };
        };
        responses: {
            /** @description 已回复的问题 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    uploadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF、JPEG、PNG、DOCX 或 XLSX 文件，不超过 20 MB
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description 已上传（尚未提交，提交整改回复前可以删除） */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentView"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyRequest"];
            };
        };
        responses: {
            /** @description 审核后的问题 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getFindingHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 问题与历史 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingHistory"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listSelfAssessments: {
        parameters: {
            query?: {
                round_id?: number;
                plan_id?: number;
                status?: components["schemas"]["SelfAssessmentStatus"];
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 一页自评 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfAssessmentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getSelfAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 自评 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfAssessment"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    saveSelfAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SelfAssessmentRequest"];
            };
        };
        responses: {
            /** @description 保存后的自评 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfAssessment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    uploadSelfAssessmentAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF、JPEG、PNG、DOCX 或 XLSX 文件，不超过 20 MB
                     */
                    file: string;
                    /** @description 关联的指标编号；不填表示不关联具体指标 */
                    indicator_code?: string;
                };
            };
        };
        responses: {
            /** @description 已上传（自评提交前可以删除） */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfAttachment"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    submitSelfAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitRequest"];
            };
        };
        responses: {
            /** @description 已提交的自评 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfAssessment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    returnSelfAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnSelfRequest"];
            };
        };
        responses: {
            /** @description 已退回的自评 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfAssessment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    extendSelfAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendSelfRequest"];
            };
        };
        responses: {
            /** @description 延期后的自评 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfAssessment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    downloadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 佐证材料文件 */
            200: {
                headers: {
                    /** @description `attachment`，带原文件名（`filename` 或 RFC 2231 的 `filename*`） */
                    "Content-Disposition": string;
                    /** @description 带引号的文件 SHA-256 */
                    ETag: string;
                    /** @description 文件的 SHA-256（十六进制小写） */
                    "X-Content-SHA256": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已删除 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getRoundRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 整改进度 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    exportRoundRectificationXLSX: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX 工作簿 */
            200: {
                headers: {
                    /** @description `attachment`，中文文件名（RFC 2231 的 `filename*`）带导出日期，如“方案清单 2026-12-02.xlsx” */
                    "Content-Disposition": string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    askForMaterial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestAsk"];
            };
        };
        responses: {
            /** @description 已提出 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 只列出该轮次的请求 */
                round_id?: number;
                /** @description 只列出该方案的请求 */
                plan_id?: number;
                /** @description 只列出该状态的请求 */
                status?: components["schemas"]["RequestStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 补充材料请求列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialRequestList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 补充材料请求 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialRequest"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    answerRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestAnswer"];
            };
        };
        responses: {
            /** @description 已答复 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    uploadRequestAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF、JPEG、PNG、DOCX 或 XLSX 文件，不超过 20 MB
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description 已上传 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentView"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description true 只列出未读的通知 */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 通知列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    readAllNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已标为已读 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    readNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已读的通知 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getTodo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 待办事项 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodoList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    getEvaluationReport: {
        parameters: {
            query?: {
                /** @description 已出具的版本号（正整数，否则返回 400）；不给出时为当前版本 */
                version?: number;
            };
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ReportPDF"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    listIssuedReports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 各方案的当前版本 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedVersionList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listEvaluationReportVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 各个版本 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedReportVersionList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    reissueEvaluationReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReissueRequest"];
            };
        };
        responses: {
            /** @description 已重新出具 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReissueResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getRectificationReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
                /** @description 方案 id */
                plan_id: components["parameters"]["PlanID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ReportPDF"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getRoundSummaryPDF: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ReportPDF"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getRoundSummaryXLSX: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 汇总工作簿 */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ReportDisposition"];
                    "X-Report-SHA256": components["headers"]["ReportSHA256"];
                    "X-Report-Verification-Code": components["headers"]["ReportVerificationCode"];
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    startRoundReports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已排队的任务 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getReportJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 任务 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    downloadReportJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 本轮全部报告的 ZIP */
            200: {
                headers: {
                    /** @description `attachment`，文件名为“评估轮次{轮次 id}全部报告.zip”（RFC 2231 的 `filename*`） */
                    "Content-Disposition": string;
                    /** @description ZIP 的字节数 */
                    "Content-Length": number;
                    /** @description ZIP 文件的 SHA-256（十六进制小写） */
                    "X-Content-SHA256": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 报告文件的 SHA-256，或报告的校验码：完整的 64 位，或报告封面上印的前 16 位（十六进制，不区分大小写，可以带空格） */
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 本平台发出的报告 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedReport"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyReportFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description 本平台出具的 PDF 报告，不超过 50 MB
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description 本平台发出的报告 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["VerifyRateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listSurveys: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 标题包含的文字（最多 100 字，更长返回 422） */
                q?: string;
                /** @description 只列出该状态的问卷 */
                status?: components["schemas"]["SurveyStatus"];
                /** @description 只列出关联该轮次的问卷 */
                round_id?: number;
                /** @description 只列出关联该方案的问卷 */
                plan_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 问卷列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    createSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyRequest"];
            };
        };
        responses: {
            /** @description 新建的问卷 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Survey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 问卷 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Survey"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyPatch"];
            };
        };
        responses: {
            /** @description 修改后的问卷 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Survey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    publishSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 公开令牌和链接 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    closeSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已结束的问卷 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Survey"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getSurveyResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 统计结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResults"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getSurveyResponsesXLSX: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 答卷工作簿 */
            200: {
                headers: {
                    /** @description `attachment`，文件名为“{问卷标题} 答卷.xlsx”（RFC 2231 的 `filename*`） */
                    "Content-Disposition": string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getSurveyQR: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 对象 id（不是正整数时返回 404） */
                id: components["parameters"]["ID"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 二维码图片 */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getPublicSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 问卷的公开令牌（发布时生成） */
                token: components["parameters"]["SurveyToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 问卷 */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicSurvey"];
                };
            };
            404: components["responses"]["NotFound"];
            410: components["responses"]["SurveyClosed"];
            500: components["responses"]["InternalError"];
        };
    };
    answerSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 问卷的公开令牌（发布时生成） */
                token: components["parameters"]["SurveyToken"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyAnswerRequest"];
            };
        };
        responses: {
            /** @description 已收到 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyAnswerAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["SurveyClosed"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["SurveyRateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    surveyPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 问卷的公开令牌（发布时生成） */
                token: components["parameters"]["SurveyToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 答题页面 */
            200: {
                headers: {
                    /** @description 只允许页面自身的内联样式和脚本（按哈希）以及向本站发请求 */
                    "Content-Security-Policy": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 问卷不存在或尚未发布（HTML 页面） */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 问卷已结束（HTML 页面） */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 服务器内部错误（HTML 页面） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                /** @description 页码，从 1 开始，最大 100000（超出返回 400）；超过末页时 items 为空，total 照常 */
                page?: components["parameters"]["Page"];
                /** @description 每页条数，1 到 500（超出返回 400） */
                per_page?: components["parameters"]["PerPage"];
                /** @description 对象类型，如 `plan`、`round`、`scoresheet`（最多 100 字，更长返回 422） */
                entity?: string;
                /** @description 对象 id */
                entity_id?: number;
                /** @description 操作者的用户 id */
                actor_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 审计事件列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    exportAuditXLSX: {
        parameters: {
            query?: {
                /** @description 对象类型，如 `plan`、`round`、`scoresheet`（最多 100 字，更长返回 422） */
                entity?: string;
                /** @description 对象 id */
                entity_id?: number;
                /** @description 操作者的用户 id */
                actor_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description XLSX 工作簿 */
            200: {
                headers: {
                    /** @description `attachment`，中文文件名（RFC 2231 的 `filename*`）带导出日期，如“方案清单 2026-12-02.xlsx” */
                    "Content-Disposition": string;
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
}
