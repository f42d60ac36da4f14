using Training.Core.Domain;

namespace Training.Tests.Domain;

public class PersonTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Now = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly D = new(2023, 6, 1);

    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit District = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Township = OrgUnit.CreateChild(District, "440111103", "人和镇");
    private static readonly OrgUnit Village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);

    private static Person NewPerson(Education education = Education.HighSchool) =>
        Person.Register("440103199001011236", "陈志强", "138 1234 5678", PoliticalStatus.PartyMember, education, Village, Today, Now);

    [Fact]
    public void Should_derive_birth_date_and_sex_from_the_ID_number()
    {
        var person = NewPerson();

        Assert.Equal(new DateOnly(1990, 1, 1), person.BirthDate);
        Assert.Equal(Sex.Male, person.Sex);
        Assert.Equal("13812345678", person.Phone);
        Assert.Equal(36, person.AgeOn(Today));
        Assert.Equal(32, person.AgeOn(new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public void Should_reject_registration_with_an_invalid_ID_number()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Person.Register("440103199001011235", "陈志强", null, PoliticalStatus.PartyMember, Education.HighSchool, Village, Today, Now));

        Assert.Contains("校验位错误", ex.Message);
    }

    [Fact]
    public void Should_reject_a_person_registered_to_a_township()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Person.Register("440103199001011236", "陈志强", null, PoliticalStatus.PartyMember, Education.HighSchool, Township, Today, Now));

        Assert.Contains("人员应属于村社区", ex.Message);
    }

    // --- posts -------------------------------------------------------------------------

    [Fact]
    public void Should_not_hold_a_post_that_ended_the_day_before()
    {
        var person = NewPerson();
        var post = person.AddPost(Village, PostType.PartySecretary, new DateOnly(2020, 1, 1), D.AddDays(-1));

        Assert.False(post.IsHeldOn(D));
        Assert.False(person.IsTwoCommitteeCadreOn(D));
    }

    [Fact]
    public void Should_not_hold_a_post_that_starts_the_day_after()
    {
        var person = NewPerson();
        var post = person.AddPost(Village, PostType.CommitteeDirector, D.AddDays(1));

        Assert.False(post.IsHeldOn(D));
        Assert.False(person.IsTwoCommitteeCadreOn(D));
    }

    [Fact]
    public void Should_hold_a_post_on_its_end_day_and_its_start_day()
    {
        var person = NewPerson();
        var endsOnD = person.AddPost(Village, PostType.PartySecretary, new DateOnly(2020, 1, 1), D);
        var startsOnD = person.AddPost(Village, PostType.CommitteeMember, D);

        Assert.True(endsOnD.IsHeldOn(D));
        Assert.True(startsOnD.IsHeldOn(D));
        Assert.False(endsOnD.IsHeldOn(D.AddDays(1)));
        Assert.True(person.IsTwoCommitteeCadreOn(D));
    }

    [Fact]
    public void Should_hold_an_open_ended_post_from_its_start_on()
    {
        var person = NewPerson();
        var post = person.AddPost(Village, PostType.PartyCommitteeMember, new DateOnly(2018, 3, 1));

        Assert.True(post.IsHeldOn(new DateOnly(2018, 3, 1)));
        Assert.True(post.IsHeldOn(new DateOnly(2099, 12, 31)));
        Assert.False(post.IsHeldOn(new DateOnly(2018, 2, 28)));
    }

    [Fact]
    public void Should_count_a_person_holding_two_posts_at_once_as_one_cadre()
    {
        var crossHolder = NewPerson();
        crossHolder.AddPost(Village, PostType.PartySecretary, new DateOnly(2021, 1, 1));
        crossHolder.AddPost(Village, PostType.CommitteeDirector, new DateOnly(2021, 1, 1)); // 交叉任职
        var other = Person.Register("440111197807040029", "李秀英", null, PoliticalStatus.PartyMember, Education.Associate, Village, Today, Now);
        other.AddPost(Village, PostType.CommitteeMember, new DateOnly(2021, 1, 1));
        var notACadre = Person.Register("11010519491231002X", "王芳", null, PoliticalStatus.Masses, Education.HighSchool, Village, Today, Now);

        var persons = new[] { crossHolder, other, notACadre };

        Assert.Equal(2, crossHolder.Posts.Count);
        Assert.True(crossHolder.IsTwoCommitteeCadreOn(D));
        Assert.Equal(2, persons.Count(p => p.IsTwoCommitteeCadreOn(D)));
        // The query form used by statistics counts persons, not posts.
        Assert.Equal(2, persons.AsQueryable().Count(Person.TwoCommitteeCadreOn(D)));
    }

    [Fact]
    public void Should_reject_the_same_post_twice_in_overlapping_periods()
    {
        var person = NewPerson();
        person.AddPost(Village, PostType.PartySecretary, new DateOnly(2020, 1, 1));

        var ex = Assert.Throws<DomainException>(() =>
            person.AddPost(Village, PostType.PartySecretary, new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)));

        Assert.Contains("不能重复任职", ex.Message);
        Assert.Single(person.Posts);
    }

    [Fact]
    public void Should_reject_the_same_post_starting_on_the_end_day_of_the_previous_term()
    {
        var person = NewPerson();
        person.AddPost(Village, PostType.PartySecretary, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));

        Assert.Throws<DomainException>(() => person.AddPost(Village, PostType.PartySecretary, new DateOnly(2020, 12, 31)));
    }

    [Fact]
    public void Should_allow_the_same_post_again_after_the_previous_term_ended()
    {
        var person = NewPerson();
        person.AddPost(Village, PostType.PartySecretary, new DateOnly(2018, 1, 1), new DateOnly(2020, 12, 31));
        person.AddPost(Village, PostType.PartySecretary, new DateOnly(2021, 1, 1));

        Assert.Equal(2, person.Posts.Count);
        Assert.True(person.IsTwoCommitteeCadreOn(new DateOnly(2020, 12, 31)));
        Assert.True(person.IsTwoCommitteeCadreOn(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void Should_reject_a_post_ending_before_it_starts()
    {
        var person = NewPerson();

        var ex = Assert.Throws<DomainException>(() =>
            person.AddPost(Village, PostType.CommitteeMember, new DateOnly(2022, 1, 1), new DateOnly(2021, 12, 31)));

        Assert.Contains("早于任职日期", ex.Message);
    }

    [Fact]
    public void Should_reject_a_post_outside_a_village()
    {
        var person = NewPerson();

        var ex = Assert.Throws<DomainException>(() => person.AddPost(Township, PostType.PartySecretary, D));

        Assert.Contains("职务只能设在村社区", ex.Message);
    }

    [Fact]
    public void Should_end_a_post_on_its_last_day_only_once()
    {
        var person = NewPerson();
        var post = person.AddPost(Village, PostType.CommitteeDeputyDirector, new DateOnly(2020, 1, 1));

        post.End(D);

        Assert.True(post.IsHeldOn(D));
        Assert.False(post.IsHeldOn(D.AddDays(1)));
        Assert.Throws<DomainException>(() => post.End(D.AddDays(10)));
    }

    // --- education ---------------------------------------------------------------------

    [Fact]
    public void Should_raise_education_by_graduation_from_the_graduation_day_on()
    {
        var person = NewPerson(Education.HighSchool);
        var graduation = new DateOnly(2023, 7, 1);

        person.RaiseEducation(Education.Associate, graduation, "2020年大专毕业", Now);

        Assert.Equal(Education.Associate, person.Education);
        Assert.Equal(Education.HighSchool, person.BaseEducation);
        Assert.Equal(Education.HighSchool, person.EducationOn(graduation.AddDays(-1)));
        Assert.Equal(Education.Associate, person.EducationOn(graduation));
        Assert.True(person.EducationOn(graduation).IsAssociateOrAbove());
        Assert.False(person.EducationOn(graduation.AddDays(-1)).IsAssociateOrAbove());
    }

    [Fact]
    public void Should_never_lower_education_by_a_lower_graduation()
    {
        var person = NewPerson(Education.Bachelor);

        person.RaiseEducation(Education.Associate, new DateOnly(2023, 7, 1), "大专毕业", Now);

        Assert.Equal(Education.Bachelor, person.Education);
        Assert.Equal(Education.Bachelor, person.EducationOn(new DateOnly(2023, 7, 1)));
        Assert.Equal(Education.Bachelor, person.EducationOn(new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void Should_keep_the_highest_of_several_graduations_on_each_date()
    {
        var person = NewPerson(Education.HighSchool);
        person.RaiseEducation(Education.Associate, new DateOnly(2016, 7, 1), "大专毕业", Now);
        person.RaiseEducation(Education.Bachelor, new DateOnly(2020, 7, 1), "本科毕业", Now);

        Assert.Equal(Education.Bachelor, person.Education);
        Assert.Equal(Education.HighSchool, person.EducationOn(new DateOnly(2016, 6, 30)));
        Assert.Equal(Education.Associate, person.EducationOn(new DateOnly(2019, 1, 1)));
        Assert.Equal(Education.Bachelor, person.EducationOn(new DateOnly(2020, 7, 1)));
    }

    [Fact]
    public void Should_keep_the_history_of_education_changes()
    {
        var person = NewPerson(Education.HighSchool);
        person.RaiseEducation(Education.Associate, new DateOnly(2023, 7, 1), "2020年大专毕业", Now);

        Assert.Collection(person.EducationHistory,
            r => { Assert.Equal(EducationSource.Recorded, r.Source); Assert.Equal(Education.HighSchool, r.Level); Assert.Null(r.EffectiveOn); },
            r => { Assert.Equal(EducationSource.Graduation, r.Source); Assert.Equal(Education.Associate, r.Level); Assert.Equal(new DateOnly(2023, 7, 1), r.EffectiveOn); });
    }

    [Fact]
    public void Should_not_let_a_base_correction_drop_below_a_graduation()
    {
        var person = NewPerson(Education.HighSchool);
        person.RaiseEducation(Education.Associate, new DateOnly(2023, 7, 1), "大专毕业", Now);

        person.CorrectBaseEducation(Education.JuniorOrBelow, "登记时填错", Now);

        Assert.Equal(Education.JuniorOrBelow, person.BaseEducation);
        Assert.Equal(Education.Associate, person.Education);
        Assert.Equal(Education.JuniorOrBelow, person.EducationOn(new DateOnly(2023, 6, 30)));
        Assert.Throws<DomainException>(() => person.CorrectBaseEducation(Education.HighSchool, " ", Now));
    }

    [Fact]
    public void Should_raise_education_when_a_historical_enrollment_graduated()
    {
        var person = NewPerson(Education.HighSchool);
        var school = School.Create("广东开放大学");
        var program = StudyProgram.Create(school, "行政管理", DegreeLevel.Associate, 3);
        var cohort = Cohort.Create(2019, "", new DateOnly(2019, 3, 1), new DateOnly(2019, 4, 30), 1000);
        var split = new FeeSplit(6_000_00, 3_000_00, 1_500_00, 1_500_00);

        var enrollment = Enrollment.Historical(person, cohort, program, split, EnrollmentState.Graduated,
            new DateOnly(2022, 7, 1), null, Now);

        Assert.Equal(new DateOnly(2019, 9, 1), enrollment.AdmittedOn);
        Assert.Equal(Education.Associate, person.Education);
        Assert.Equal(Education.HighSchool, person.EducationOn(new DateOnly(2022, 6, 30)));
        Assert.Equal(Education.Associate, person.EducationOn(new DateOnly(2022, 7, 1)));
    }
}
