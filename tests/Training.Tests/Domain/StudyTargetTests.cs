using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>LEARNING.md §5: yearly targets per category, the national defaults, and the highest for several categories.</summary>
public sealed class StudyTargetTests
{
    [Fact]
    public void Without_CityAdmins_targets_the_national_defaults_apply_half_of_them_required()
    {
        var year = StudyTarget.ForYear(2026, []);

        Assert.Equal([(TargetCategory.TwoCommitteeCadre, 56m, 28m), (TargetCategory.Reserve, 50m, 25m), (TargetCategory.PartyMember, 32m, 16m)],
            year.Select(t => (t.Category, t.Hours, t.RequiredHours)));
    }

    [Fact]
    public void CityAdmins_target_for_the_year_replaces_the_default_of_its_category_only()
    {
        var set = new[] { StudyTarget.Set(2026, TargetCategory.Reserve, 60, 40), StudyTarget.Set(2025, TargetCategory.PartyMember, 10) };

        var year = StudyTarget.ForYear(2026, set);

        Assert.Equal([56m, 60m, 32m], year.Select(t => t.Hours));
        Assert.Equal(40m, year.Single(t => t.Category == TargetCategory.Reserve).RequiredHours);
    }

    [Fact]
    public void A_person_in_several_categories_owes_the_highest_target()
    {
        var year = StudyTarget.ForYear(2026, [StudyTarget.Set(2026, TargetCategory.Reserve, 60)]);

        Assert.Equal(60m, StudyTarget.Owed([TargetCategory.TwoCommitteeCadre, TargetCategory.Reserve, TargetCategory.PartyMember], year)!.Hours);
        Assert.Equal(56m, StudyTarget.Owed([TargetCategory.TwoCommitteeCadre, TargetCategory.PartyMember], year)!.Hours);
        Assert.Null(StudyTarget.Owed([], year));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(56, 57.0)]
    [InlineData(56, -1.0)]
    public void A_target_is_positive_and_its_required_part_within_it(double hours, double? required) =>
        Assert.Throws<DomainException>(() => StudyTarget.Set(2026, TargetCategory.PartyMember, (decimal)hours, (decimal?)required));
}
