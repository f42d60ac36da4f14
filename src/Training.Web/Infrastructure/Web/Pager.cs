namespace Training.Web.Infrastructure.Web;

/// <summary>
/// Previous / next links for a paged list; each link works without JavaScript and swaps <see cref="Target"/> with htmx:
/// its content, or the element itself when the list's fragment is the whole target (<see cref="Whole"/>: the partial
/// draws the element with its id, and swapping only the content would nest a second one inside).
/// </summary>
public sealed record Pager(int PageNumber, int PageCount, Func<int, string> Url, string Target = "#rows", bool Whole = false)
{
    public string Swap => Whole ? "outerHTML" : "innerHTML";
}
