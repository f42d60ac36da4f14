using System.Globalization;

namespace Training.Web.Features.Statistics;

/// <summary>
/// The figures of PRODUCT.md §8 for one org unit (and everything under it) as of a date.
/// Counts are distinct persons (or reserves / enrollments where §8 says so); money in fen,
/// shown in yuan.
/// </summary>
public sealed record Figures(
    int Participants,                   // 累计参加学历教育人数
    int Graduates,                      // 累计毕业人数
    int InStudy,                        // 在读人数
    int Secretaries,                    // 村(社区)党组织书记人数
    int SecretariesAssociateOrAbove,    // 书记大专以上学历人数
    int TwoCommitteeCadres,             // 两委干部人数
    int TwoCommitteeAssociateOrAbove,   // 两委干部大专以上学历人数
    int ReservesInPool,                 // 村级后备人选人数
    int SecretaryReserves,              // 书记后备人选人数
    int KeyPosts,                       // 关键岗位数 (the denominator of 后备比例)
    long SelfPaidFen,                   // 学员自付合计
    long SubsidyFen,                    // 财政补助合计
    long WaiverFen)                     // 学校减免合计
{
    public static readonly Figures Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Both units' figures together, counting a person in both twice (see <see cref="Rollup"/>).</summary>
    public static Figures operator +(Figures a, Figures b) => new(
        a.Participants + b.Participants, a.Graduates + b.Graduates, a.InStudy + b.InStudy,
        a.Secretaries + b.Secretaries, a.SecretariesAssociateOrAbove + b.SecretariesAssociateOrAbove,
        a.TwoCommitteeCadres + b.TwoCommitteeCadres, a.TwoCommitteeAssociateOrAbove + b.TwoCommitteeAssociateOrAbove,
        a.ReservesInPool + b.ReservesInPool, a.SecretaryReserves + b.SecretaryReserves, a.KeyPosts + b.KeyPosts,
        a.SelfPaidFen + b.SelfPaidFen, a.SubsidyFen + b.SubsidyFen, a.WaiverFen + b.WaiverFen);

    /// <summary>These figures with <paramref name="n"/> fewer persons counted for one person figure.</summary>
    public Figures Less(Figure figure, int n) => figure switch
    {
        Figure.Participants => this with { Participants = Participants - n },
        Figure.Graduates => this with { Graduates = Graduates - n },
        Figure.InStudy => this with { InStudy = InStudy - n },
        Figure.Secretaries => this with { Secretaries = Secretaries - n },
        Figure.SecretariesAssociateOrAbove => this with { SecretariesAssociateOrAbove = SecretariesAssociateOrAbove - n },
        Figure.TwoCommitteeCadres => this with { TwoCommitteeCadres = TwoCommitteeCadres - n },
        Figure.TwoCommitteeAssociateOrAbove => this with { TwoCommitteeAssociateOrAbove = TwoCommitteeAssociateOrAbove - n },
        Figure.ReservesInPool => this with { ReservesInPool = ReservesInPool - n },
        Figure.SecretaryReserves => this with { SecretaryReserves = SecretaryReserves - n },
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
    };

    /// <summary>书记大专以上学历占比</summary>
    public Share SecretaryShare => new(SecretariesAssociateOrAbove, Secretaries);

    /// <summary>两委干部大专以上学历占比</summary>
    public Share TwoCommitteeShare => new(TwoCommitteeAssociateOrAbove, TwoCommitteeCadres);

    /// <summary>后备比例: reserves in pool per key post (the rule asks for at least 2).</summary>
    public Ratio ReserveRatio => new(ReservesInPool, KeyPosts);
}

/// <summary>An exact fraction; shown rounded to one decimal of a percent, "—" when the denominator is zero.</summary>
public readonly record struct Share(long Part, long Whole)
{
    public decimal? Value => Whole == 0 ? null : (decimal)Part / Whole;

    public override string ToString() =>
        Whole == 0 ? "—" : (Math.Round(100m * Part / Whole, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>A ratio shown with two decimals, "—" when the denominator is zero.</summary>
public readonly record struct Ratio(long Numerator, long Denominator)
{
    public decimal? Value => Denominator == 0 ? null : (decimal)Numerator / Denominator;

    public override string ToString() =>
        Denominator == 0 ? "—" : Math.Round((decimal)Numerator / Denominator, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>A child unit's figures in a breakdown table (district → townships → villages).</summary>
public sealed record UnitFigures(int UnitId, string Code, string Name, Figures Figures);

/// <summary>One row of 年度招生: per cohort year, as of the date.</summary>
public sealed record CohortYearFigures(int Year, int Admitted, int Graduated, int InStudy)
{
    /// <summary>毕业率 = graduated ÷ admitted.</summary>
    public Share GraduationRate => new(Graduated, Admitted);
}

/// <summary>The figures that stand for a list of persons (or reserves), for drill-down from a dashboard number.</summary>
public enum Figure
{
    Participants = 1,
    Graduates = 2,
    InStudy = 3,
    Secretaries = 4,
    SecretariesAssociateOrAbove = 5,
    TwoCommitteeCadres = 6,
    TwoCommitteeAssociateOrAbove = 7,
    ReservesInPool = 8,
    SecretaryReserves = 9,
}
