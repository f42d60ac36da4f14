using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>
/// Rows of the roster sheets, which carry fewer dates than the portal records: how they are
/// dated (PRODUCT.md §8) so that the statistics count them the same way on any date.
/// </summary>
public sealed class ImportedRecordTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Now = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);
    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit District = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Township = OrgUnit.CreateChild(District, "440111103", "人和镇");
    private static readonly OrgUnit Village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);

    private static Person NewPerson() =>
        Person.Register("440103199001011236", "陈志强", null, PoliticalStatus.PartyMember, Education.HighSchool, Village, Today, Now);

    [Theory]
    [InlineData(ReserveState.Appointed)]
    [InlineData(ReserveState.Exited)]
    public void Should_never_count_a_reserve_first_imported_as_having_left_the_pool(ReserveState state)
    {
        var inPool = new DateOnly(2018, 5, 1);

        var reserve = ReserveCandidate.Imported(NewPerson(), Village, ReserveTarget.Secretary, state, inPool, Today);

        Assert.Equal(state, reserve.State);
        Assert.False(reserve.IsInPoolOn(inPool));
        Assert.False(reserve.IsInPoolOn(new DateOnly(2019, 12, 31)));
        Assert.False(reserve.IsInPoolOn(Today));
    }

    [Fact]
    public void Should_count_an_imported_reserve_in_the_pool_from_its_day_of_entry()
    {
        var reserve = ReserveCandidate.Imported(NewPerson(), Village, ReserveTarget.TwoCommittee, ReserveState.InPool, new DateOnly(2018, 5, 1), Today);

        Assert.False(reserve.IsInPoolOn(new DateOnly(2018, 4, 30)));
        Assert.True(reserve.IsInPoolOn(new DateOnly(2018, 5, 1)));
    }

    [Fact]
    public void Should_date_an_imported_withdrawal_on_its_date_or_else_on_the_admission_day()
    {
        var school = School.Create("广州开放大学");
        var program = StudyProgram.Create(school, "行政管理", DegreeLevel.Associate, 3);
        var cohort = Cohort.Create(2017, "2017年", new DateOnly(2017, 3, 1), new DateOnly(2017, 4, 30), 1000);
        var split = new FeeSplit(600000, 300000, 150000, 150000);

        var dated = Enrollment.Historical(NewPerson(), cohort, program, split, EnrollmentState.Withdrawn, null, new DateOnly(2018, 6, 30), Now);
        var undated = Enrollment.Historical(NewPerson(), cohort, program, split, EnrollmentState.Withdrawn, null, null, Now);

        Assert.Equal(new DateOnly(2017, 9, 1), dated.AdmittedOn);
        Assert.Equal(new DateOnly(2018, 6, 30), dated.WithdrawnOn);
        Assert.Equal(dated.AdmittedOn, undated.WithdrawnOn);
    }

    [Fact]
    public void Should_take_the_withdrawal_day_of_a_row_for_a_stored_admitted_enrollment_and_keep_it_when_the_row_has_none()
    {
        var school = School.Create("广州开放大学");
        var program = StudyProgram.Create(school, "行政管理", DegreeLevel.Associate, 3);
        var cohort = Cohort.Create(2017, "2017年", new DateOnly(2017, 3, 1), new DateOnly(2017, 4, 30), 1000);
        var split = new FeeSplit(600000, 300000, 150000, 150000);
        var enrollment = Enrollment.Historical(NewPerson(), cohort, program, split, EnrollmentState.Admitted, null, null, Now);

        Assert.True(enrollment.ApplyHistorical(program, split, EnrollmentState.Withdrawn, null, "花名册导入", Today, Now, new DateOnly(2019, 1, 15)));
        Assert.Equal(new DateOnly(2019, 1, 15), enrollment.WithdrawnOn);

        // The same row again, or one without a date, changes nothing; another date is an error, not an update.
        Assert.False(enrollment.ApplyHistorical(program, split, EnrollmentState.Withdrawn, null, "花名册导入", Today, Now, new DateOnly(2019, 1, 15)));
        Assert.False(enrollment.ApplyHistorical(program, split, EnrollmentState.Withdrawn, null, "花名册导入", Today, Now));
        Assert.Throws<DomainException>(() => enrollment.ApplyHistorical(program, split, EnrollmentState.Withdrawn, null, "花名册导入", Today, Now, new DateOnly(2019, 2, 1)));
    }
}
