namespace Training.Web.Infrastructure.Modules;

/// <summary>
/// A named permission (OrchardCore's idea): pages require it with <c>[Authorize(Policy = Name)]</c>,
/// the menu shows an entry only to the roles that hold it, and the every-role page walk reads
/// it. Roles are fixed (PRODUCT.md §2), so each permission says which roles hold it.
/// </summary>
public sealed record Permission(string Name, string Title, IReadOnlyList<string> Roles)
{
    public bool IsHeldBy(string? role) => role is not null && Roles.Contains(role);
}
