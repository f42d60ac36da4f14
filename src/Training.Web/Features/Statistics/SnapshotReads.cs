using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Training.Core.Domain;

namespace Training.Web.Features.Statistics;

/// <summary>A stored snapshot row read back as the service's <see cref="Figures"/>, translated to SQL.</summary>
public static class SnapshotReads
{
    public static readonly Expression<Func<SnapshotFigure, Figures>> ToFigures = r => new Figures(
        r.Participants, r.Graduates, r.InStudy, r.Secretaries, r.SecretariesAssociateOrAbove,
        r.TwoCommitteeCadres, r.TwoCommitteeAssociateOrAbove, r.ReservesInPool, r.SecretaryReserves, r.KeyPosts,
        r.SelfPaidFen, r.SubsidyFen, r.WaiverFen);

    /// <summary><see cref="ToFigures"/> compiled once, for rows already read (compiling it on each request cost a page its time).</summary>
    public static readonly Func<SnapshotFigure, Figures> ToFiguresOf = ToFigures.Compile();

    /// <summary>The number a drill-down figure stands for.</summary>
    public static long Count(this Figures f, Figure figure) => figure switch
    {
        Figure.Participants => f.Participants,
        Figure.Graduates => f.Graduates,
        Figure.InStudy => f.InStudy,
        Figure.Secretaries => f.Secretaries,
        Figure.SecretariesAssociateOrAbove => f.SecretariesAssociateOrAbove,
        Figure.TwoCommitteeCadres => f.TwoCommitteeCadres,
        Figure.TwoCommitteeAssociateOrAbove => f.TwoCommitteeAssociateOrAbove,
        Figure.ReservesInPool => f.ReservesInPool,
        Figure.SecretaryReserves => f.SecretaryReserves,
        _ => 0,
    };

    /// <summary>Fen shown in yuan with two decimals and thousands separators.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The persons behind a figure of a unit as of a date (page 2 on: <c>&amp;p=</c>): /Statistics/People?figure=…&amp;unit=…&amp;asOf=yyyy-MM-dd.</summary>
    public static string StatisticsPeople(this IUrlHelper url, Figure figure, int unitId, DateOnly asOf, int page = 1) =>
        StatisticsPeople(url.Page("/Statistics/People")!, figure, unitId, asOf, page);

    /// <summary>
    /// The same link from the page's path found once: a table of a township's villages links
    /// every figure of every row, and asking routing for each of them was a tenth of the page's cost.
    /// The values are an enum name, numbers and a date: nothing to escape.
    /// </summary>
    public static string StatisticsPeople(string peoplePath, Figure figure, int unitId, DateOnly asOf, int page = 1) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{peoplePath}?figure={figure}&unit={unitId}&asOf={asOf:yyyy-MM-dd}{(page > 1 ? "&p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}");
}
