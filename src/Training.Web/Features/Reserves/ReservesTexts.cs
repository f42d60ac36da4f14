using Training.Core.Domain;

namespace Training.Web.Features.Reserves;

/// <summary>What the reserve pages say to their users, in one place to be reviewed.</summary>
public static class ReservesTexts
{
    public const string OnlyVillageRecommends = "只有村（社区）党组织可以推荐后备人选。";
    public const string PersonNotFound = "未找到该人员，或不在您的管辖范围内。";

    public static string AlreadyCandidate(string name, ReserveTarget target) => $"{name}已是{target.Name()}人选（尚未任用或退出），不能重复推荐。";
    public static string Recommended(string name, ReserveTarget target) => $"已推荐{name}为{target.Name()}人选，待镇（街）选定。";
    public static string NotNow(ReserveState state, string step) => $"该后备人选当前为“{state.Name()}”，您不能办理“{step}”。";
    public static string KeyPostsSaved(string village, int count) => $"已保存：{village}关键岗位数为 {count}。";
    public static string Decided(ReserveCandidate r, string step) => $"{r.Person.Name}（{r.Target.Name()}）：{step}，当前状态“{r.State.Name()}”。";
}
