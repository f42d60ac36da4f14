using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Audit;

/// <summary>
/// What the auditor searches the trail by — Guangzhou days, who, what, the outcome, where from — as the list and its
/// export both read it, so a download holds exactly the rows the page listed.
/// </summary>
public sealed class AuditFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? User { get; set; }
    public string? Event { get; set; }
    public AuditOutcome? Outcome { get; set; }
    public string? Source { get; set; }

    /// <summary>The entries the filter keeps, newest first; an id breaks ties between entries of the same instant.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries) => Where(entries).OrderByDescending(a => a.At).ThenByDescending(a => a.Id);

    /// <summary>The entries the filter keeps, in no order (what a count reads).</summary>
    public IQueryable<AuditEntry> Where(IQueryable<AuditEntry> entries)
    {
        if (From is { } from) { var start = ChinaTime.StartUtc(from); entries = entries.Where(a => a.At >= start); }
        // The last day a calendar has leaves nothing after it to stop at.
        if (To is { } to && to < DateOnly.MaxValue) { var end = ChinaTime.StartUtc(to.AddDays(1)); entries = entries.Where(a => a.At < end); }
        if (Trimmed(User) is { } user) entries = entries.Where(a => a.UserName.Contains(user));
        if (Trimmed(Event) is { } action) entries = entries.Where(a => a.Action.Contains(action));
        if (Outcome is { } outcome) entries = entries.Where(a => a.Outcome == outcome);
        if (Trimmed(Source) is { } source) entries = entries.Where(a => a.Source != null && a.Source.StartsWith(source));
        return entries;
    }

    /// <summary>The filter as query-string values (empty ones left out), for page links and the export link.</summary>
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>();
        if (From is { } from) values["from"] = from.ToString("yyyy-MM-dd");
        if (To is { } to) values["to"] = to.ToString("yyyy-MM-dd");
        if (Trimmed(User) is { } user) values["user"] = user;
        if (Trimmed(Event) is { } action) values["event"] = action;
        if (Outcome is { } outcome) values["outcome"] = outcome.ToString();
        if (Trimmed(Source) is { } source) values["source"] = source;
        return values;
    }

    public string Describe() => RouteValues() is { Count: > 0 } v ? string.Join(AuditTexts.FilterSeparator, v.Select(p => $"{p.Key}={p.Value}")) : AuditTexts.NoFilter;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
