using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Demo;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.People.Persons;

/// <summary>A person's page tells the whole story: 结对帮带, 跟班学习 and 培训班 besides posts, education and reserve status.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture app)
{
    private const string Hantang = "440111103201";

    [Fact]
    public async Task Should_show_a_reserves_mentor_shadowing_and_class_with_links_for_staff()
    {
        var story = await StoryAsync();
        var client = await app.SignInAsync("township-440111103");

        using var response = await client.GetAsync($"/Persons/Details/{story.ReserveId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("结对帮带", html);
        Assert.Contains(story.MentorName, html);
        Assert.Contains(story.Goals, html);
        Assert.Contains("评价测试：进步明显", html);
        Assert.Contains($"/Mentoring/Detail?id={story.PairId}", html);
        Assert.Contains(story.Department, html);
        Assert.Contains("人和镇", html);
        Assert.Contains($"/Shadowing/Detail?id={story.ShadowingId}", html);
        Assert.Contains(story.ClassName, html);
        Assert.Contains("白云区", html);
        Assert.Contains($"/Classes/Details/{story.ClassId}", html);
        Assert.Contains("1 / 1 次", html);
        Assert.Contains("已结业", html);
    }

    [Fact]
    public async Task Should_show_a_mentor_whom_they_mentor()
    {
        var story = await StoryAsync();
        var client = await app.SignInAsync("village-440111103201");

        using var response = await client.GetAsync($"/Persons/Details/{story.MentorId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("担任帮带人", html);
        Assert.Contains(story.ReserveName, html);
        Assert.Contains($"/Mentoring/Detail?id={story.PairId}", html);
    }

    [Fact]
    public async Task Should_show_trainee_demo_its_class_without_staff_links()
    {
        var personId = await app.WithDbAsync(db => db.Persons.Where(p => p.IdNumber == DemoData.TraineeIdNumber).Select(p => p.Id).SingleAsync());
        var className = await app.WithDbAsync(db => db.ClassParticipants.Where(x => x.PersonId == personId && x.Class.CreatedBy == DemoDevelopment.Actor)
            .Select(x => x.Class.Name).SingleAsync());
        var client = await app.SignInAsync(DemoData.TraineeUserName);

        using var response = await client.GetAsync($"/Persons/Details/{personId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("培训班", html);
        Assert.Contains(className, html);
        Assert.Contains("href=\"/Classes/Mine\"", html);
        Assert.DoesNotContain("/Classes/Details/", html);
        Assert.DoesNotContain("/Mentoring/Detail", html);
        Assert.DoesNotContain("/Shadowing/Detail", html);
    }

    [Fact]
    public async Task Should_show_each_candidacy_with_its_own_steps_and_an_unevaluated_pair_as_overdue()
    {
        // The steps of all candidacies are read at once and the overdue mark worked out from the pair's dates: each
        // card must still show only its own steps, and a pair unevaluated for 90 days its mark.
        var personId = await app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
            var now = DateTime.UtcNow;
            var village = await db.OrgUnits.SingleAsync(u => u.Code == Hantang);
            var person = Person.Register(await TestPeople.FreeIdNumberAsync(db), "两次推荐" + Guid.NewGuid().ToString("N")[..6], null,
                PoliticalStatus.PartyMember, Education.HighSchool, village, today, now);
            var mentor = Person.Register(await TestPeople.FreeIdNumberAsync(db), "帮带人", null, PoliticalStatus.PartyMember, Education.Associate, village, today, now);
            mentor.AddPost(village, PostType.CommitteeMember, new DateOnly(2021, 3, 15));
            db.Persons.AddRange(person, mentor);
            var first = ReserveCandidate.Recommend(person, village, ReserveTarget.TwoCommittee, "test-village", today.AddDays(-120), now, []);
            first.DeclineByTownship("test-township", "第一次未选定的原因", today.AddDays(-119), now);
            db.Reserves.Add(first);
            await db.SaveChangesAsync();
            var second = ReserveCandidate.Recommend(person, village, ReserveTarget.TwoCommittee, "test-village", today.AddDays(-100), now, [first]);
            second.SelectByTownship("test-township", null, today.AddDays(-99), now);
            second.PutInPool("test-district", null, today.AddDays(-98), now);
            db.Reserves.Add(second);
            await db.SaveChangesAsync();
            db.Add(MentorPair.Start(second, mentor, today.AddDays(-95), today.AddDays(270), "帮带目标", "test", now, []));
            await db.SaveChangesAsync();
            return person.Id;
        });

        using var page = await (await app.SignInAsync("township-440111103")).GetAsync($"/Persons/Details/{personId}");

        var html = await page.ReadHtmlAsync();
        var cards = html.QuerySelectorAll("[data-testid=person-reserve]")
            .ToDictionary(c => c.GetAttribute("data-state")!, c => c.QuerySelectorAll("[data-testid=reserve-timeline] li").Select(li => li.GetAttribute("data-action")).ToList());
        Assert.Equal([nameof(ReserveAction.Recommend), nameof(ReserveAction.DeclineByTownship)], cards[nameof(ReserveState.Declined)]);
        Assert.Equal([nameof(ReserveAction.Recommend), nameof(ReserveAction.SelectByTownship), nameof(ReserveAction.PutInPool)], cards[nameof(ReserveState.InPool)]);
        Assert.Contains("逾期未评价", html.QuerySelector("[data-testid=person-pair]")!.TextContent);
    }

    [Fact]
    public async Task Should_show_a_post_a_candidacy_an_evaluation_and_attendance_added_after_the_page_was_read()
    {
        // The page is kept between views: each kind of record it shows must be seen the moment it is saved.
        var today = TimeProvider.System.Today();
        var now = DateTime.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (personId, mentorId) = await app.WithDbAsync(async db =>
        {
            var village = await db.OrgUnits.SingleAsync(u => u.Code == Hantang);
            var person = Person.Register(await TestPeople.FreeIdNumberAsync(db), "后来测试" + tag, null, PoliticalStatus.PartyMember, Education.HighSchool, village, today, now);
            var mentor = Person.Register(await TestPeople.FreeIdNumberAsync(db), "后来帮带" + tag, null, PoliticalStatus.PartyMember, Education.Associate, village, today, now);
            mentor.AddPost(village, PostType.CommitteeMember, new DateOnly(2021, 3, 15));
            db.Persons.AddRange(person, mentor);
            await db.SaveChangesAsync();
            return (person.Id, mentor.Id);
        });
        var client = await app.SignInAsync("township-440111103");
        async Task<string> PageAsync()
        {
            using var response = await client.GetAsync($"/Persons/Details/{personId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.DoesNotContain("村(居)委会委员", await PageAsync());

        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.Include(p => p.Posts).SingleAsync(p => p.Id == personId);
            person.AddPost(await db.OrgUnits.SingleAsync(u => u.Code == Hantang), PostType.CommitteeMember, today.AddDays(-10));
            return await db.SaveChangesAsync();
        });
        Assert.Contains("村(居)委会委员", await PageAsync());

        var reserveId = await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == personId);
            var reserve = ReserveCandidate.Recommend(person, await db.OrgUnits.SingleAsync(u => u.Code == Hantang), ReserveTarget.TwoCommittee, "test-village", today, now, []);
            reserve.SelectByTownship("test-township", null, today, now);
            reserve.PutInPool("test-district", null, today, now);
            db.Reserves.Add(reserve);
            await db.SaveChangesAsync();
            return reserve.Id;
        });
        Assert.Contains("data-testid=\"person-reserve\"", await PageAsync());

        var pairId = await app.WithDbAsync(async db =>
        {
            var pair = MentorPair.Start(await db.Reserves.SingleAsync(r => r.Id == reserveId), await db.Persons.Include(p => p.Posts).SingleAsync(p => p.Id == mentorId),
                today, today.AddYears(1), "后来目标" + tag, "test", now, []);
            db.Add(pair);
            await db.SaveChangesAsync();
            return pair.Id;
        });
        Assert.Contains("后来目标" + tag, await PageAsync());
        await app.WithDbAsync(async db =>
        {
            var pair = await db.MentorPairs.SingleAsync(p => p.Id == pairId);
            pair.Evaluate(today, Rating.Good, "后来评价" + tag, "test", now, today);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("后来评价" + tag, await PageAsync());

        var (classId, sessionId, participantId) = await app.WithDbAsync(async db =>
        {
            var c = TrainingClass.Create(await db.OrgUnits.SingleAsync(u => u.Code == "440111"), "后来班" + tag, today, today.AddDays(30), 10, null,
                ClassAudience.Any, 80, null, "test", now);
            var session = c.AddSession(today, "第一课");
            c.Enroll(await db.Persons.Include(p => p.Village).SingleAsync(p => p.Id == personId), [await db.Reserves.SingleAsync(r => r.Id == reserveId)], "test", today, now);
            db.Add(c);
            await db.SaveChangesAsync();
            return (c.Id, session.Id, c.Participants.Single().Id);
        });
        Assert.Contains("0 / 1 次", await PageAsync());
        await app.WithDbAsync(async db =>
        {
            var c = await db.TrainingClasses.Include(x => x.Sessions).ThenInclude(s => s.Attendance).Include(x => x.Participants).SingleAsync(x => x.Id == classId);
            c.RecordAttendance(c.Sessions.Single(s => s.Id == sessionId), [participantId], "test", today, now);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("1 / 1 次", await PageAsync());
    }

    [Fact]
    public async Task Should_answer_404_for_a_person_of_another_township()
    {
        var story = await StoryAsync();
        var client = await app.SignInAsync("township-440103001");

        using var response = await client.GetAsync($"/Persons/Details/{story.ReserveId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record Story(int ReserveId, string ReserveName, int MentorId, string MentorName, string Goals, int PairId,
        int ShadowingId, string Department, int ClassId, string ClassName);

    /// <summary>A fresh reserve of 汉塘村 in the pool today, paired with a fresh cadre, shadowing at 人和镇 and in a 白云区 class it attended.</summary>
    private Task<Story> StoryAsync() => app.WithDbAsync(async db =>
    {
        var today = TimeProvider.System.Today();
        var now = DateTime.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var village = await db.OrgUnits.Include(u => u.Parent).SingleAsync(u => u.Code == Hantang);
        var baiyun = await db.OrgUnits.SingleAsync(u => u.Code == "440111");

        var mentor = Person.Register(await TestPeople.FreeIdNumberAsync(db), "帮带测试" + tag, null, PoliticalStatus.PartyMember, Education.Associate, village, today, now);
        mentor.AddPost(village, PostType.CommitteeMember, new DateOnly(2021, 3, 15));
        var person = Person.Register(await TestPeople.FreeIdNumberAsync(db), "全貌测试" + tag, null, PoliticalStatus.PartyMember, Education.HighSchool, village, today, now);
        db.Persons.AddRange(mentor, person);
        var reserve = ReserveCandidate.Recommend(person, village, ReserveTarget.TwoCommittee, "test-village", today, now, []);
        reserve.SelectByTownship("test-township", null, today, now);
        reserve.PutInPool("test-district", null, today, now);
        db.Reserves.Add(reserve);
        await db.SaveChangesAsync();

        var goals = "目标测试" + tag;
        var pair = MentorPair.Start(reserve, mentor, today, today.AddYears(1), goals, "test", now, []);
        pair.Evaluate(today, Rating.Good, "评价测试：进步明显", "test", now, today);
        var department = "科室测试" + tag;
        var shadowing = Training.Core.Domain.Shadowing.Record(reserve, village.Parent!, department, today, today.AddDays(30), "test", now, []);
        shadowing.Evaluate(Rating.Excellent, "跟班评价测试", "test", now, today);
        var name = "全貌测试班" + tag;
        var c = TrainingClass.Create(baiyun, name, today, today.AddDays(30), 10, null, ClassAudience.Any, 80, null, "test", now);
        var session = c.AddSession(today, "第一课");
        c.Enroll(person, [reserve], "test", today, now);
        db.AddRange(pair, shadowing, c);
        await db.SaveChangesAsync();
        c.RecordAttendance(session, [c.Participants.Single().Id], "test", today, now);
        await db.SaveChangesAsync();
        return new Story(person.Id, person.Name, mentor.Id, mentor.Name, goals, pair.Id, shadowing.Id, department, c.Id, name);
    });

}
