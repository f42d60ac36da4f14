using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Infrastructure.Modules;

/// <summary>
/// An entry of the main menu: shown to the roles holding <paramref name="Permission"/>, linking
/// to the page named <paramref name="Page"/> (a page name such as <c>/Degree/Reviews/Index</c>,
/// not a path), with <paramref name="RouteValues"/> when the page needs the account's own id.
/// <paramref name="Order"/> sorts the menu; on a phone the first few entries marked
/// <paramref name="Primary"/> that the account may open sit in the bottom bar, every entry
/// behind 全部功能.
/// </summary>
public sealed record MenuEntry(
    string Title, string Page, string Permission, int Order, bool Primary = false,
    Func<CurrentUser, object?>? RouteValues = null);
