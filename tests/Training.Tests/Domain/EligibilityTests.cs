using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>The eligibility rules of PRODUCT.md §5 as a table.</summary>
public class EligibilityTests
{
    [Theory]
    //          cadre  reserve party  recommended education                  active  level                    eligible
    [InlineData(true,  false,  false, false,      Education.HighSchool,      false,  DegreeLevel.Associate,   true)]
    [InlineData(false, true,   false, false,      Education.HighSchool,      false,  DegreeLevel.Associate,   true)]
    [InlineData(false, false,  true,  true,       Education.HighSchool,      false,  DegreeLevel.Associate,   true)]
    [InlineData(false, false,  true,  false,      Education.HighSchool,      false,  DegreeLevel.Associate,   false)] // party member not recommended
    [InlineData(false, false,  false, true,       Education.HighSchool,      false,  DegreeLevel.Associate,   false)] // recommended but not a party member
    [InlineData(true,  false,  false, false,      Education.JuniorOrBelow,   false,  DegreeLevel.Associate,   false)] // 大专 needs 高中/中专
    [InlineData(true,  false,  false, false,      Education.HighSchool,      false,  DegreeLevel.Bachelor,    false)] // 本科 needs 大专
    [InlineData(true,  false,  false, false,      Education.Associate,       false,  DegreeLevel.Bachelor,    true)]
    [InlineData(true,  false,  false, false,      Education.Bachelor,        false,  DegreeLevel.Bachelor,    false)] // already 本科
    [InlineData(true,  false,  false, false,      Education.Postgraduate,    false,  DegreeLevel.Bachelor,    false)]
    [InlineData(true,  false,  false, false,      Education.HighSchool,      true,   DegreeLevel.Associate,   false)] // one active at a time
    public void Should_decide_eligibility_by_the_rules(bool cadre, bool reserve, bool party, bool recommended,
        Education education, bool active, DegreeLevel level, bool eligible)
    {
        var reasons = Eligibility.Reasons(new Eligibility.Facts(cadre, reserve, party, recommended, education, active), level);

        Assert.Equal(eligible, reasons.Count == 0);
    }

    [Fact]
    public void Should_give_each_failed_rule_its_own_reason()
    {
        var reasons = Eligibility.Reasons(new Eligibility.Facts(false, false, false, false, Education.Bachelor, true), DegreeLevel.Bachelor);

        Assert.Equal(3, reasons.Count);
    }
}
