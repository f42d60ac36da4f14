using Training.Core.Domain;
using Training.Web.Features.Statistics;

namespace Training.Web.Features.Learning.Reports;

/// <summary>
/// The learning figures of one unit (and everything under it) for a calendar year, as of a day
/// (LEARNING.md §7, IMPORT-EXPORT.md "Sheet 学时统计"). Definitions, exactly:
/// <list type="bullet">
/// <item>应学人数 (<see cref="Learners"/>): persons of the villages under the unit who on the day are in at
/// least one target category — 两委干部 (holds a post on the day), 后备干部 (in the reserve pool on the
/// day), 党员 (a party member, full or probationary). <see cref="Cadres"/>, <see cref="Reserves"/> and
/// <see cref="Members"/> count them by category (a person may be in several).</item>
/// <item>Each owes the highest target of its categories (<see cref="StudyTarget.Owed"/>: CityAdmin's for
/// the year, or the national defaults).</item>
/// <item>人均学时 = the plain sum of their ledger hours dated in the year (reversals included, so the
/// standing hours) ÷ 应学人数; 人均必修学时 likewise for the 必修 entries.</item>
/// <item>达标人数 (<see cref="Reached"/>): those whose year total ≥ their target's hours and whose year 必修
/// ≥ its 必修 hours; 学时达标率 = 达标人数 ÷ 应学人数 (shown 0.0%, empty / "—" when 应学人数 is 0).</item>
/// <item>未开始学习人数 (<see cref="NotStarted"/>): 应学 persons whose hours in the year sum to 0.</item>
/// <item>已逾期 (<see cref="Overdue"/>): distinct persons of the unit's villages assigned (on the day) a
/// course of an assignment whose deadline fell in the year and has passed, and not credited with it
/// (the assignments' own rule, <see cref="Assignments.AssignmentProgress"/>). Not limited to 应学 persons.</item>
/// </list>
/// Hours are kept in hundredths (<see cref="StudyHoursTotal"/>), so sums are exact.
/// </summary>
public sealed record LearningFigures(int Learners, int Cadres, int Reserves, int Members, long TotalCenti, long RequiredCenti,
    int Reached, int NotStarted, int Overdue)
{
    public static readonly LearningFigures Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static LearningFigures operator +(LearningFigures a, LearningFigures b) => new(
        a.Learners + b.Learners, a.Cadres + b.Cadres, a.Reserves + b.Reserves, a.Members + b.Members,
        a.TotalCenti + b.TotalCenti, a.RequiredCenti + b.RequiredCenti, a.Reached + b.Reached, a.NotStarted + b.NotStarted, a.Overdue + b.Overdue);

    /// <summary>人均学时, exact (null when nobody is to learn).</summary>
    public decimal? HoursPerLearner => Learners == 0 ? null : TotalCenti / 100m / Learners;

    /// <summary>人均必修学时, exact (null when nobody is to learn).</summary>
    public decimal? RequiredPerLearner => Learners == 0 ? null : RequiredCenti / 100m / Learners;

    /// <summary>学时达标率.</summary>
    public Share ReachedRate => new(Reached, Learners);

    /// <summary>The number a drill-down figure stands for.</summary>
    public int Count(LearningFigure figure) => figure switch
    {
        LearningFigure.Learners => Learners,
        LearningFigure.Cadres => Cadres,
        LearningFigure.Reserves => Reserves,
        LearningFigure.Members => Members,
        LearningFigure.Reached => Reached,
        LearningFigure.NotReached => Learners - Reached,
        LearningFigure.NotStarted => NotStarted,
        LearningFigure.Overdue => Overdue,
        _ => 0,
    };

    /// <summary>A per-learner figure shown with two decimals, "—" when there is nobody.</summary>
    public static string Average(decimal? value) =>
        value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";
}

/// <summary>The figures that stand for a list of persons (the report's drill-down).</summary>
public enum LearningFigure
{
    Learners = 1,
    Cadres = 2,
    Reserves = 3,
    Members = 4,
    Reached = 5,
    NotReached = 6,
    NotStarted = 7,
    Overdue = 8,
}

/// <summary>A child unit's row of the report (and of the 学时统计 sheet).</summary>
public sealed record UnitLearning(int UnitId, string Code, string Name, LearningFigures Figures);

/// <summary>
/// One person's facts for the year as the report reads them: the categories on the day, the year's sums
/// (from <see cref="StudyHoursTotal"/>) and whether the person reached the target owed.
/// </summary>
public sealed record LearnerFacts(int PersonId, int VillageId, bool Cadre, bool Reserve, bool Member, long RequiredCenti, long ElectiveCenti)
{
    public bool IsLearner => Cadre || Reserve || Member;
    public long TotalCenti => RequiredCenti + ElectiveCenti;

    public IEnumerable<TargetCategory> Categories
    {
        get
        {
            if (Cadre) yield return TargetCategory.TwoCommitteeCadre;
            if (Reserve) yield return TargetCategory.Reserve;
            if (Member) yield return TargetCategory.PartyMember;
        }
    }
}
