using Training.Core.Domain;

namespace Training.Web.Features.Reserves;

/// <summary>What the reserve pages say to their users, in one place to be reviewed.</summary>
public static class ReservesTexts
{
    // Menu, permissions
    public const string MenuReserves = "后备干部";
    public const string ViewPermission = "后备干部：人选、1:2 配备、结对帮带、跟班学习（各级按本级的步骤办理）", KeyPostsPermission = "设置各村关键岗位数", ArrangePermission = "安排结对帮带、跟班学习";

    // Workflow steps as buttons name them
    public const string SelectStep = "镇（街）选定", DeclineByTownshipStep = "不予选定", PutInPoolStep = "考察通过，入库", DeclineByDistrictStep = "考察未通过",
        AppointStep = "任用", ExitStep = "退出后备", WithdrawStep = "撤回推荐";

    // Coverage and key posts
    public static string SecretaryLacking(int n) => $"书记后备缺{n}人";
    public static string TwoCommitteeLacking(int n) => $"两委后备缺{n}人";
    public const string ListSeparator = "、";
    public const string KeyPostsRequired = "请填写关键岗位数。";
    public static string KeyPostsOutOfRange(int max) => $"关键岗位数应为 0 到 {max} 之间的整数。";
    public const string KeyPostsAudit = "修改关键岗位数";
    public static string KeyPostsChanged(string village, string code, int before, int after) => $"{village}（{code}）：{before} → {after}";

    // Mentoring and shadowing audit
    public const string PairEvaluatedAudit = "结对帮带评价", PairEndedAudit = "提前结束结对帮带", PairStartedAudit = "建立结对帮带", PairRetractedAudit = "撤回结对帮带";
    public static string PairEvaluatedDetail(DateOnly on, Rating rating) => $"{on:yyyy-MM-dd} {rating.Name()}";
    public static string PairEndedDetail(DateOnly on, string? reason) => $"最后一天 {on:yyyy-MM-dd}，原因：{reason}";
    public static string PairDetail(string reserve, int pairId, string detail) => $"{reserve}（结对帮带 {pairId}）：{detail}";
    public static string PairStartedDetail(string reserve, string village, string mentor, DateOnly start, DateOnly end) =>
        $"{reserve}（{village}）由{mentor}帮带，{start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}";
    public static string PairRetractedDetail(string reserve) => $"{reserve}：同时提交了重复的结对帮带";
    public const string ShadowingEvaluatedAudit = "评价跟班学习", ShadowingRecordedAudit = "登记跟班学习", ShadowingRetractedAudit = "撤销重复的跟班学习";
    public static string ShadowingEvaluatedDetail(string reserve, int id, Rating rating) => $"{reserve}（跟班学习 {id}）：{rating.Name()}";
    public static string ShadowingRecordedDetail(string reserve, int reserveId, string township, string department, string period) =>
        $"{reserve}（后备 {reserveId}）：{township}{department}，{period}";
    public static string ShadowingRetractedDetail(int id, int first) => $"编号 {id}：与编号 {first} 同时登记且时间重叠";

    public const string OnlyVillageRecommends = "只有村（社区）党组织可以推荐后备人选。";
    public const string PersonNotFound = "未找到该人员，或不在您的管辖范围内。";

    public static string AlreadyCandidate(string name, ReserveTarget target) => $"{name}已是{target.Name()}人选（尚未任用或退出），不能重复推荐。";
    public static string Recommended(string name, ReserveTarget target) => $"已推荐{name}为{target.Name()}人选，待镇（街）选定。";
    public static string NotNow(ReserveState state, string step) => $"该后备人选当前为“{state.Name()}”，您不能办理“{step}”。";
    public static string KeyPostsSaved(string village, int count) => $"已保存：{village}关键岗位数为 {count}。";
    public static string Decided(ReserveCandidate r, string step) => $"{r.Person.Name}（{r.Target.Name()}）：{step}，当前状态“{r.State.Name()}”。";
}
