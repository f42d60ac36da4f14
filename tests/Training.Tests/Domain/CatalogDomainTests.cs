using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>The verbs CityAdmin uses on cohorts, schools and programs (PRODUCT.md §5).</summary>
public class CatalogDomainTests
{
    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit Liwan = OrgUnit.CreateChild(City, "440103", "荔湾区");
    private static readonly OrgUnit Baiyun = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Renhe = OrgUnit.CreateChild(Baiyun, "440111103", "人和镇");

    private static Cohort NewCohort(int cityQuota = 1000) =>
        Cohort.Create(2030, "", new DateOnly(2030, 3, 1), new DateOnly(2030, 3, 31), cityQuota);

    private static StudyProgram NewProgram(DegreeLevel level = DegreeLevel.Associate) =>
        StudyProgram.Create(School.Create("广州城市职业学院"), "农村经济管理", level, 3);

    [Fact]
    public void Should_refuse_a_city_quota_below_1000_on_create_and_on_change()
    {
        Assert.Contains("不少于 1000", Assert.Throws<DomainException>(() => NewCohort(999)).Message);
        var cohort = NewCohort();
        Assert.Contains("不少于 1000", Assert.Throws<DomainException>(() =>
            cohort.ChangeDetails("", cohort.ApplyFrom, cohort.ApplyTo, 999)).Message);
        Assert.Equal(1000, cohort.CityQuota);
    }

    [Fact]
    public void Should_change_the_window_and_the_quota()
    {
        var cohort = NewCohort();

        cohort.ChangeDetails(" 2030年春季批次 ", new DateOnly(2030, 4, 1), new DateOnly(2030, 4, 30), 1200);

        Assert.Equal("2030年春季批次", cohort.Name);
        Assert.Equal(new DateOnly(2030, 4, 1), cohort.ApplyFrom);
        Assert.Equal(new DateOnly(2030, 4, 30), cohort.ApplyTo);
        Assert.Equal(1200, cohort.CityQuota);
    }

    [Fact]
    public void Should_refuse_a_window_that_ends_before_it_starts()
    {
        var cohort = NewCohort();

        Assert.Throws<DomainException>(() => cohort.ChangeDetails("", new DateOnly(2030, 4, 30), new DateOnly(2030, 4, 1), 1000));
        Assert.Equal(new DateOnly(2030, 3, 1), cohort.ApplyFrom);
    }

    [Fact]
    public void Should_refuse_a_city_quota_below_what_the_districts_were_given()
    {
        var cohort = NewCohort(1500);
        cohort.SetDistrictQuotas([new QuotaAssignment(Liwan, 700), new QuotaAssignment(Baiyun, 700)]);

        var ex = Assert.Throws<DomainException>(() => cohort.ChangeDetails("", cohort.ApplyFrom, cohort.ApplyTo, 1300));

        Assert.Contains("1400", ex.Message);
        Assert.Equal(1500, cohort.CityQuota);
    }

    [Fact]
    public void Should_refuse_district_quotas_over_the_city_quota_and_change_none()
    {
        var cohort = NewCohort();
        cohort.SetDistrictQuotas([new QuotaAssignment(Liwan, 400)]);

        var ex = Assert.Throws<DomainException>(() =>
            cohort.SetDistrictQuotas([new QuotaAssignment(Liwan, 500), new QuotaAssignment(Baiyun, 501)]));

        Assert.Contains("超过全市名额 1000", ex.Message);
        Assert.Equal(400, Assert.Single(cohort.DistrictQuotas).Quota);
    }

    [Fact]
    public void Should_move_places_between_districts_in_one_form()
    {
        var cohort = NewCohort();
        cohort.SetDistrictQuotas([new QuotaAssignment(Liwan, 600), new QuotaAssignment(Baiyun, 400)]);

        // Raising 白云 first would exceed the city quota one line at a time; the whole form does not.
        cohort.SetDistrictQuotas([new QuotaAssignment(Baiyun, 600), new QuotaAssignment(Liwan, 400)]);

        Assert.Equal(1000, cohort.DistrictQuotas.Sum(q => q.Quota));
        Assert.Equal(600, cohort.DistrictQuotas.Single(q => q.District == Baiyun).Quota);
    }

    [Fact]
    public void Should_refuse_a_district_quota_below_its_admissions_or_negative_or_not_a_district()
    {
        var cohort = NewCohort();

        Assert.Contains("已录取 30 人", Assert.Throws<DomainException>(() =>
            cohort.SetDistrictQuotas([new QuotaAssignment(Baiyun, 20, Admitted: 30)])).Message);
        Assert.Throws<DomainException>(() => cohort.SetDistrictQuotas([new QuotaAssignment(Baiyun, -1)]));
        Assert.Throws<DomainException>(() => cohort.SetDistrictQuotas([new QuotaAssignment(Renhe, 10)]));
        Assert.Empty(cohort.DistrictQuotas);
    }

    [Fact]
    public void Should_remove_an_offer_nobody_applied_for_and_keep_one_with_applications()
    {
        var cohort = NewCohort();
        var fee = cohort.Offer(NewProgram(), new FeeSplit(8_100_00, 5_600_00, 1_000_00, 1_500_00));

        Assert.Contains("不能取消开设", Assert.Throws<DomainException>(() => cohort.RemoveOffer(fee, 1)).Message);
        Assert.Single(cohort.Fees);

        cohort.RemoveOffer(fee, 0);
        Assert.Empty(cohort.Fees);
    }

    [Fact]
    public void Should_rename_a_school_but_not_to_nothing()
    {
        var school = School.Create("广东开放大学");

        school.Rename(" 广东开放大学（广东理工职业学院） ");
        Assert.Equal("广东开放大学（广东理工职业学院）", school.Name);
        Assert.Throws<DomainException>(() => school.Rename("  "));
        Assert.Equal("广东开放大学（广东理工职业学院）", school.Name);
    }

    [Fact]
    public void Should_change_a_program_but_not_its_level_once_applied_for()
    {
        var program = NewProgram();

        program.Change("农村经济管理（新）", DegreeLevel.Associate, 2, hasEnrollments: true);
        Assert.Equal(("农村经济管理（新）", 2), (program.Name, program.DurationYears));

        Assert.Contains("不能再改变层次", Assert.Throws<DomainException>(() =>
            program.Change(program.Name, DegreeLevel.Bachelor, 3, hasEnrollments: true)).Message);
        Assert.Equal(DegreeLevel.Associate, program.Level);

        program.Change(program.Name, DegreeLevel.Bachelor, 3, hasEnrollments: false);
        Assert.Equal(DegreeLevel.Bachelor, program.Level);
        Assert.Throws<DomainException>(() => program.Change(program.Name, DegreeLevel.Bachelor, 7, hasEnrollments: false));
    }
}
