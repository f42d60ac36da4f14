using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Audit;

/// <summary>
/// An audit entry as people read it — when, who, what, the outcome, from where — without its seal: the lists and
/// workbooks of the trail read these columns only (the two seals are most of an entry's bytes and nobody reads them).
/// </summary>
public sealed record AuditRow(DateTime At, string UserName, string Action, string Detail, AuditOutcome Outcome, string? Source)
{
    public string[] Cells() => [ChinaTime.Format(At), UserName, Action, Detail, AuditTexts.OutcomeName(Outcome), Source ?? ""];
}

public static class AuditRows
{
    public static IQueryable<AuditRow> ToRows(this IQueryable<AuditEntry> entries) =>
        entries.Select(a => new AuditRow(a.At, a.UserName, a.Action, a.Detail, a.Outcome, a.Source));
}
