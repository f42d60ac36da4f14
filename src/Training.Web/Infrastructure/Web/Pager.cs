namespace Training.Web.Infrastructure.Web;

/// <summary>Previous / next links for a paged list; each link works without JavaScript and swaps <see cref="Target"/> with htmx.</summary>
public sealed record Pager(int PageNumber, int PageCount, Func<int, string> Url, string Target = "#rows");
