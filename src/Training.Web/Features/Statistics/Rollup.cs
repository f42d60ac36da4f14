namespace Training.Web.Features.Statistics;

/// <summary>
/// Adds villages' figures up the org tree (village → township → district → city).
/// </summary>
/// <remarks>
/// Rows (reserves, key posts, money) simply add up. Distinct persons add up too, except a
/// person counted in several villages under one unit, who must count once there (交叉任职
/// across villages, a trainee who moved between applications). Such persons are few, and
/// the service lists them with the villages each is counted in (<see cref="CountedIn"/>),
/// so each unit's sum is corrected by what it counted too often. This replaces one SQL pass
/// per level with one pass at village level: at nation scale the difference between 40 s
/// and 15 s.
/// </remarks>
internal sealed class Rollup
{
    private readonly Dictionary<int, int?> _parentOf;
    private readonly Dictionary<int, Figures> _villages = [];
    private readonly Dictionary<(int PersonId, Figure Figure), HashSet<int>> _countedIn = [];

    /// <param name="units">Every unit in the tree being summed, with its parent (a parent outside the tree is where summing stops).</param>
    public Rollup(IEnumerable<(int Id, int? ParentId)> units) =>
        _parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);

    /// <summary>A village's own figures (its person counts already distinct within it).</summary>
    public void AddVillage(int villageId, Figures figures) =>
        _villages[villageId] = _villages.TryGetValue(villageId, out var f) ? f + figures : figures;

    /// <summary>A person counted for a figure in this village, as one of the persons counted in several villages.</summary>
    public void CountedIn(int personId, int villageId, Figure figure)
    {
        var key = (personId, figure);
        if (!_countedIn.TryGetValue(key, out var villages)) _countedIn[key] = villages = [];
        villages.Add(villageId);
    }

    /// <summary>Every unit's figures, zero for units with nothing under them.</summary>
    public Dictionary<int, Figures> Sum()
    {
        var result = _parentOf.Keys.ToDictionary(id => id, _ => Figures.Zero);
        foreach (var (villageId, figures) in _villages)
            foreach (var unit in SelfAndAbove(villageId))
                result[unit] = result.GetValueOrDefault(unit, Figures.Zero) + figures;

        // A person counted in n villages under a unit was added n times there, and counts once.
        var timesCounted = new Dictionary<int, int>();
        foreach (var ((_, figure), villages) in _countedIn)
        {
            if (villages.Count < 2) continue;
            timesCounted.Clear();
            foreach (var village in villages)
                foreach (var unit in SelfAndAbove(village).Skip(1))
                    timesCounted[unit] = timesCounted.GetValueOrDefault(unit) + 1;
            foreach (var (unit, n) in timesCounted)
                if (n > 1) result[unit] = result[unit].Less(figure, n - 1);
        }
        return result;
    }

    private IEnumerable<int> SelfAndAbove(int unitId)
    {
        for (int? id = unitId; id is { } current && _parentOf.ContainsKey(current); id = _parentOf[current])
            yield return current;
    }
}
