namespace Training.Core.Domain;

/// <summary>
/// A year's 学时 target for a category of people, set by CityAdmin (LEARNING.md §5). The defaults
/// follow the national rules: 两委干部 56, 后备干部 50, other party members 32, half of each 必修.
/// A person in several categories owes the highest target.
/// </summary>
public sealed class StudyTarget
{
    private StudyTarget() { }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public TargetCategory Category { get; private set; }
    public decimal Hours { get; private set; }
    public decimal RequiredHours { get; private set; }

    public static StudyTarget Set(int year, TargetCategory category, decimal hours, decimal? requiredHours = null)
    {
        if (!Enum.IsDefined(category)) throw new DomainException("请选择人员类别。", nameof(Category));
        var t = new StudyTarget { Year = year, Category = category };
        t.Change(hours, requiredHours);
        return t;
    }

    /// <summary>CityAdmin changes the year's target; half of it is 必修 unless said otherwise.</summary>
    public void Change(decimal hours, decimal? requiredHours = null)
    {
        if (hours <= 0 || hours > 1000) throw new DomainException("年度学时目标应在 0 到 1000 之间。", nameof(Hours));
        if (hours != decimal.Round(hours, 2)) throw new DomainException("学时最多精确到两位小数。", nameof(Hours));
        var required = requiredHours ?? hours / 2;
        if (required < 0 || required > hours) throw new DomainException("必修学时不能超过年度学时目标。", nameof(RequiredHours));
        (Hours, RequiredHours) = (hours, required);
    }

    public static decimal DefaultHours(TargetCategory category) => category switch
    {
        TargetCategory.TwoCommitteeCadre => 56,
        TargetCategory.Reserve => 50,
        _ => 32,
    };

    /// <summary>The year's targets, CityAdmin's where set and the defaults otherwise.</summary>
    public static IReadOnlyList<StudyTarget> ForYear(int year, IEnumerable<StudyTarget> set)
    {
        var own = set.Where(t => t.Year == year).ToDictionary(t => t.Category);
        return Enum.GetValues<TargetCategory>()
            .Select(c => own.TryGetValue(c, out var t) ? t : Set(year, c, DefaultHours(c)))
            .ToList();
    }

    /// <summary>What a person in <paramref name="categories"/> owes: the highest of their targets (then the most 必修); null when in none.</summary>
    public static StudyTarget? Owed(IEnumerable<TargetCategory> categories, IReadOnlyList<StudyTarget> yearTargets)
    {
        var mine = categories.ToHashSet();
        return yearTargets.Where(t => mine.Contains(t.Category))
            .OrderByDescending(t => t.Hours).ThenByDescending(t => t.RequiredHours)
            .FirstOrDefault();
    }
}
