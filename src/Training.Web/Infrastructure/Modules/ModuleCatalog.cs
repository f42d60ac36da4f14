namespace Training.Web.Infrastructure.Modules;

/// <summary>The modules the app was started with, and what they declare, looked up by role.</summary>
public sealed class ModuleCatalog
{
    /// <summary>Entries in the phone's bottom bar besides 首页 and 全部功能.</summary>
    public const int PhoneBarSize = 3;

    private readonly Dictionary<string, Permission> _permissions;

    public ModuleCatalog(IReadOnlyList<TrainingModule> modules)
    {
        Modules = modules;
        _permissions = new Dictionary<string, Permission>(StringComparer.Ordinal);
        foreach (var p in modules.SelectMany(m => m.Permissions))
        {
            if (!_permissions.TryAdd(p.Name, p))
                throw new InvalidOperationException($"Permission {p.Name} is declared twice.");
        }
        var unknown = modules.SelectMany(m => m.Menu.Select(e => e.Permission).Concat(m.HomeCards.Select(c => c.Permission)))
            .Where(name => !_permissions.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Menu entries or home cards name undeclared permissions: {string.Join(", ", unknown)}.");
        Menu = modules.SelectMany(m => m.Menu).OrderBy(e => e.Order).ToList();
        HomeCards = modules.SelectMany(m => m.HomeCards).OrderBy(c => c.Order).ToList();
    }

    public IReadOnlyList<TrainingModule> Modules { get; }
    public IEnumerable<Permission> Permissions => _permissions.Values;
    public IReadOnlyList<MenuEntry> Menu { get; }
    public IReadOnlyList<HomeCard> HomeCards { get; }

    public Permission Permission(string name) =>
        _permissions.TryGetValue(name, out var p) ? p : throw new InvalidOperationException($"No permission named {name}.");

    public bool Holds(string? role, string permission) => Permission(permission).IsHeldBy(role);

    public IReadOnlyList<MenuEntry> MenuFor(string? role) => Menu.Where(e => Holds(role, e.Permission)).ToList();

    public IReadOnlyList<HomeCard> HomeCardsFor(string? role) => HomeCards.Where(c => Holds(role, c.Permission)).ToList();
}
