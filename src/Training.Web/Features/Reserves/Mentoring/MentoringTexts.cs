using Training.Core.Data;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Reserves.Mentoring;

/// <summary>What the mentoring pages say, in one place so that the wording can be reviewed.</summary>
public static class MentoringTexts
{
    public const string NotFound = "未找到该结对帮带，或不在您的管辖范围内。";
    public const string ReserveNotFound = "未找到该后备人选，或不在您的管辖范围内。";
    public const string MentorNotFound = "未找到该帮带人，或不在您的管辖范围内。";
    public const string ChooseReserve = "请选择后备人选。";
    public const string ChooseMentor = "请选择帮带人。";
    public const string NoStart = "请填写开始日期。";
    public const string NoEnd = "请填写结束日期。";
    public const string NoEvaluationDate = "请填写评价日期。";
    public const string NoRating = "请选择评价等次。";
    public const string NoEndDate = "请填写结束日期。";
    public const string ConfirmEnd = "确定提前结束该结对帮带吗？结束后不能恢复。";

    public static string Started(string reserve, string mentor) => $"已为{reserve}建立结对帮带，帮带人{mentor}。";
    public static string Evaluated(DateOnly on, Rating rating) => $"已记录 {on:yyyy-MM-dd} 的评价（{rating.Name()}）。";
    public static string AlreadyPaired(string reserve) => $"{reserve}在这段时间已有帮带人，不能重复结对。";
    public static string Ended(DateOnly lastDay) => $"结对帮带已提前结束，最后一天为 {lastDay:yyyy-MM-dd}。";

    public static string Overdue(int count) => $"{count} 对结对帮带 {MentorPair.EvaluationIntervalDays} 天以上未评价";

    public static string Name(this PairState state) => state.Phase()?.Name() ?? "全部";
}

/// <summary>The list's 状态 filter: a phase of the pairing (<see cref="PeriodPhase"/>) or <see cref="All"/>.</summary>
public enum PairState { Active, NotStarted, Ended, All }

public static class PairStates
{
    public static PeriodPhase? Phase(this PairState state) => state switch
    {
        PairState.Active => PeriodPhase.Running,
        PairState.NotStarted => PeriodPhase.NotStarted,
        PairState.Ended => PeriodPhase.Ended,
        _ => null,
    };
}

/// <summary>A two-committee post held today, for "帮带人" cells.</summary>
public sealed record MentorPost(PostType Type, int VillageId, string VillageName)
{
    /// <summary>"村党组织书记", with the village when it is not the reserve's own.</summary>
    public string Describe(int reserveVillageId) =>
        VillageId == reserveVillageId ? Type.Name() : $"{VillageName}{Type.Name()}";

    /// <summary>
    /// The posts each of <paramref name="personIds"/> holds on <paramref name="day"/>, in one query after the rows are read.
    /// As a collection inside the rows' query, SQLite built every current post of the city before joining (15 ms a page).
    /// </summary>
    public static async Task<ILookup<int, MentorPost>> HeldOnAsync(TrainingDbContext db, IReadOnlyCollection<int> personIds, DateOnly day, CancellationToken ct) =>
        (await db.Posts.AsNoTracking().Where(x => personIds.Contains(x.PersonId)).Where(Post.HeldOn(day))
            .OrderBy(x => x.Id)
            .Select(x => new { x.PersonId, Post = new MentorPost(x.Type, x.VillageId, x.Village.Name) }).ToListAsync(ct))
        .ToLookup(x => x.PersonId, x => x.Post);
}
