using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Classes.ClassPages;
using Training.Tests.Infrastructure.Builders;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Classes;

/// <summary>
/// A class's page: enrolment with the domain's rules (sex from the ID number, capacity, the last
/// seat taken once), sessions, participants as far as the account's scope reaches, completion from
/// attendance, and who may see or change what.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture app)
{

    // ---------------------------------------------------------------- enrolment

    [Fact]
    public async Task Should_enrol_a_woman_in_a_women_only_class_and_audit_it()
    {
        var id = await app.ClassAsync("440111", sexOnly: Sex.Female);
        var woman = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var district = await app.SignInAsync(District);

        using var response = await EnrolByPageAsync(district, id, woman, await app.ClassVersionAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([woman], await app.ParticipantsAsync(id));
        var name = await app.PersonNameAsync(woman);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "培训班报名" && a.Detail.Contains(name))));
    }

    [Fact]
    public async Task Should_refuse_a_man_in_a_women_only_class_by_his_id_number()
    {
        var id = await app.ClassAsync("440111", sexOnly: Sex.Female);
        var man = await app.PersonAsync(OwnVillage, "学员", Sex.Male);

        using var response = await EnrolByPageAsync(await app.SignInAsync(District), id, man, await app.ClassVersionAsync(id));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("本班仅限女性学员", await response.TextAsync());
        Assert.Contains("身份证号显示为男性", await response.TextAsync());
        Assert.Empty(await app.ParticipantsAsync(id));
    }

    [Fact]
    public async Task Should_refuse_someone_who_is_not_a_cadre_in_a_class_for_cadres()
    {
        var id = await app.ClassAsync("440111", audience: ClassAudience.Cadres);
        var cadre = await app.PersonAsync(OwnVillage, "学员", Sex.Male, Today.AddYears(-1));
        var other = await app.PersonAsync(OwnVillage, "学员", Sex.Male);
        var district = await app.SignInAsync(District);

        using (var ok = await EnrolByPageAsync(district, id, cadre, await app.ClassVersionAsync(id)))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var refused = await EnrolByPageAsync(district, id, other, await app.ClassVersionAsync(id));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("本班招收对象为在职两委干部", await refused.TextAsync());
        Assert.Equal([cadre], await app.ParticipantsAsync(id));
    }

    [Fact]
    public async Task Should_refuse_the_second_person_in_a_class_of_one()
    {
        var id = await app.ClassAsync("440111", capacity: 1);
        var first = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var second = await app.PersonAsync(OwnVillage, "学员", Sex.Male);
        var district = await app.SignInAsync(District);

        using (var ok = await EnrolByPageAsync(district, id, first, await app.ClassVersionAsync(id)))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var full = await EnrolByPageAsync(district, id, second, await app.ClassVersionAsync(id));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, full.StatusCode);
        Assert.Contains("培训班已满（上限 1 人）", await full.TextAsync());
        Assert.Equal([first], await app.ParticipantsAsync(id));
    }

    [Fact]
    public async Task Should_give_the_last_seat_to_exactly_one_of_two_enrolling_at_once()
    {
        var id = await app.ClassAsync("440111", capacity: 1);
        var a = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var b = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var version = await app.ClassVersionAsync(id);
        var one = await app.SignInAsync(District);
        var two = await app.SignInAsync(District);

        var responses = await Task.WhenAll(EnrolByPageAsync(one, id, a, version), EnrolByPageAsync(two, id, b, version));

        Assert.Single(await app.ParticipantsAsync(id));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict);
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task Should_refuse_the_last_seat_to_a_page_shown_before_someone_else_took_it()
    {
        var id = await app.ClassAsync("440111", capacity: 1);
        var a = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var b = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var seen = await app.ClassVersionAsync(id);
        var district = await app.SignInAsync(District);

        using (var first = await EnrolByPageAsync(district, id, a, seen))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var stale = await EnrolByPageAsync(district, id, b, seen);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("培训班已满", await stale.TextAsync());
        Assert.Equal([a], await app.ParticipantsAsync(id));
    }

    [Fact]
    public async Task Should_still_enrol_from_a_page_shown_before_another_enrolment_while_seats_remain()
    {
        var id = await app.ClassAsync("440111", capacity: 5);
        var a = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var b = await app.PersonAsync(OwnVillage, "学员", Sex.Male);
        var seen = await app.ClassVersionAsync(id);
        var district = await app.SignInAsync(District);

        using (var first = await EnrolByPageAsync(district, id, a, seen))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await EnrolByPageAsync(district, id, b, seen);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal([a, b], await app.ParticipantsAsync(id));
    }

    [Fact]
    public async Task Should_find_persons_by_name_showing_their_sex_and_enrol_from_the_list()
    {
        var id = await app.ClassAsync("440111");
        var woman = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var name = await app.PersonNameAsync(woman);
        var district = await app.SignInAsync(District);

        var page = await PageAsync(district, $"/Classes/Details/{id}?Q={Uri.EscapeDataString(name)}");
        var row = page.QuerySelector($"[data-testid=found-rows] tr[data-person='{woman}']");
        Assert.NotNull(row);
        Assert.Contains("女", row.QuerySelector("[data-label=性别]")!.TextContent);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        using var response = await district.PostAsync(form.Action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([woman], await app.ParticipantsAsync(id));
    }

    [Fact]
    public async Task Should_find_a_person_by_id_number_by_post_keeping_the_number_out_of_every_url()
    {
        var id = await app.ClassAsync("440111");
        var woman = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var idNumber = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == woman).Select(p => p.IdNumber).SingleAsync());
        var district = await app.SignInAsync(District);

        var page = await PageAsync(district, $"/Classes/Details/{id}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=enrol-find-id]")!;
        Assert.Equal("post", form.Method, ignoreCase: true);
        using var found = await district.PostFormAsync($"/Classes/Details/{id}", form.Action, new Dictionary<string, string> { ["IdNumber"] = idNumber });

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var html = await found.ReadHtmlAsync();
        var row = html.QuerySelector($"[data-testid=found-rows] tr[data-person='{woman}']");
        Assert.NotNull(row);
        Assert.DoesNotContain(idNumber, form.Action);
        Assert.All(html.QuerySelectorAll("a[href], form[action]"), e =>
            Assert.DoesNotContain(idNumber, e.GetAttribute("href") ?? e.GetAttribute("action") ?? ""));

        using var bad = await district.PostFormAsync($"/Classes/Details/{id}", form.Action, new Dictionary<string, string> { ["IdNumber"] = idNumber[..17] + (idNumber[17] == '0' ? "1" : "0") });
        Assert.Equal((HttpStatusCode)422, bad.StatusCode);
        Assert.Contains("校验", (await bad.ReadHtmlAsync()).QuerySelector("[data-testid=form-errors]")?.TextContent);
    }

    // ---------------------------------------------------------------- scope

    [Fact]
    public async Task Should_not_find_a_district_class_from_another_district_or_its_townships()
    {
        var id = await app.ClassAsync("440111");

        foreach (var account in new[] { OtherDistrict, OtherTownship })
        {
            using var response = await (await app.SignInAsync(account)).GetAsync($"/Classes/Details/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var own = await (await app.SignInAsync(Township)).GetAsync($"/Classes/Details/{id}"))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var list = await PageAsync(await app.SignInAsync(OtherDistrict), "/Classes");
        Assert.Null(list.QuerySelector($"[data-testid=class-rows] tr[data-id='{id}']"));
    }

    [Fact]
    public async Task Should_show_a_township_only_its_own_participants()
    {
        var id = await app.ClassAsync("440111");
        var otherVillage = await app.VillageUnderAsync("440111", notUnder: "440111103");
        var ours = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var theirs = await app.PersonAsync(otherVillage, "学员", Sex.Female);
        await app.EnrolAsync(id, ours, theirs);

        var township = await PageAsync(await app.SignInAsync(Township), $"/Classes/Details/{id}");
        var district = await PageAsync(await app.SignInAsync(District), $"/Classes/Details/{id}");

        Assert.Equal([ours.ToString()], township.QuerySelectorAll("[data-testid=participant-rows] tr[data-person]").Select(r => r.GetAttribute("data-person")!));
        Assert.Equal([ours, theirs], district.QuerySelectorAll("[data-testid=participant-rows] tr[data-person]").Select(r => int.Parse(r.GetAttribute("data-person")!)).Order());
        Assert.Equal("2 / 30", township.QuerySelector("[data-testid=enrolled]")?.TextContent);
    }

    [Fact]
    public async Task Should_show_a_participant_enrolled_and_a_name_corrected_at_once_after_the_page_was_read()
    {
        var id = await app.ClassAsync("440111");
        var first = await app.PersonAsync(OwnVillage, "学员");
        var second = await app.PersonAsync(OwnVillage, "学员");
        await app.EnrolAsync(id, first);
        var district = await app.SignInAsync(District);
        var url = $"/Classes/Details/{id}";
        Assert.NotNull((await PageAsync(district, url)).QuerySelector($"[data-testid=participant-rows] tr[data-person='{first}']"));

        await app.EnrolAsync(id, second);
        var afterEnrol = await PageAsync(district, url);
        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == first);
            person.UpdateContact(person.Name + "更正", person.Phone, person.PoliticalStatus);
            return await db.SaveChangesAsync();
        });
        var afterRename = await PageAsync(district, url);

        Assert.NotNull(afterEnrol.QuerySelector($"[data-testid=participant-rows] tr[data-person='{second}']"));
        Assert.Contains("更正", afterRename.QuerySelector($"[data-testid=participant-rows] tr[data-person='{first}']")!.TextContent);
    }

    [Fact]
    public async Task Should_let_another_district_enrol_only_its_own_people_in_a_city_class()
    {
        var id = await app.ClassAsync("440100");
        var yuexiuVillage = await app.VillageUnderAsync("440103001");
        var ownPerson = await app.PersonAsync(yuexiuVillage, "学员", Sex.Male);
        var baiyunPerson = await app.PersonAsync(OwnVillage, "学员", Sex.Male);
        var yuexiu = await app.SignInAsync(OtherDistrict);

        var page = await PageAsync(yuexiu, $"/Classes/Details/{id}");
        Assert.NotNull(page.QuerySelector("[data-testid=enrol-search]"));
        Assert.Null(page.QuerySelector("[data-testid=add-session]"));
        Assert.Null(page.QuerySelector("[data-testid=edit-class]"));
        using (var ok = await EnrolByPageAsync(yuexiu, id, ownPerson, await app.ClassVersionAsync(id)))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using (var outside = await EnrolByPageAsync(yuexiu, id, baiyunPerson, await app.ClassVersionAsync(id)))
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);

        Assert.Equal([ownPerson], await app.ParticipantsAsync(id));
    }

    [Fact]
    public async Task Should_let_village_staff_view_a_class_without_forms_and_refuse_its_posts()
    {
        var id = await app.ClassAsync("440111");
        var person = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var participant = (await app.EnrolAsync(id, person)).Single();
        var village = await app.SignInAsync(Village);

        var page = await PageAsync(village, $"/Classes/Details/{id}");
        Assert.NotNull(page.QuerySelector($"[data-testid=participant-rows] tr[data-person='{person}']"));
        Assert.DoesNotContain(page.QuerySelectorAll("form[method=post]"), f => f.GetAttribute("action")?.StartsWith("/Classes") == true);
        Assert.Null(page.QuerySelector("[data-testid=enrol-search]"));
        var other = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var version = (await app.ClassVersionAsync(id)).ToString();
        var url = $"/Classes/Details/{id}";
        using (var enrol = await village.PostFormAsync("/Classes", url + "?handler=Enrol", new Dictionary<string, string> { ["PersonId"] = other.ToString(), ["Version"] = version }))
            AssertRefused(enrol);
        using (var session = await village.PostFormAsync("/Classes", url + "?handler=AddSession", new Dictionary<string, string> { ["SessionOn"] = Today.ToString("yyyy-MM-dd"), ["SessionTitle"] = "越权", ["Version"] = version }))
            AssertRefused(session);
        using (var remove = await village.PostFormAsync("/Classes", $"{url}?handler=RemoveParticipant&participantId={participant}", new Dictionary<string, string> { ["Version"] = version }))
            AssertRefused(remove);

        Assert.Equal([person], await app.ParticipantsAsync(id));
        Assert.Equal(0, await app.WithDbAsync(db => db.ClassSessions.CountAsync(s => s.ClassId == id)));
    }

    // ---------------------------------------------------------------- sessions, attendance, completion

    [Fact]
    public async Task Should_add_a_session_and_remove_it_while_no_attendance_is_taken()
    {
        var id = await app.ClassAsync("440111", startDay: -5);
        var district = await app.SignInAsync(District);
        var url = $"/Classes/Details/{id}";

        using (var added = await district.PostFormAsync(url, url + "?handler=AddSession", new Dictionary<string, string>
               { ["SessionOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd"), ["SessionTitle"] = "乡村振兴政策解读", ["Version"] = (await app.ClassVersionAsync(id)).ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await PageAsync(district, url);
        var row = page.QuerySelector("[data-testid=session-rows] tbody tr")!;
        Assert.Contains("乡村振兴政策解读", row.TextContent);
        var sessionId = int.Parse(row.GetAttribute("data-id")!);
        Assert.Equal($"/Classes/Attendance/{sessionId}", row.QuerySelector("[data-testid=attendance-link]")?.GetAttribute("href"));
        Assert.NotNull(row.QuerySelector("button[data-confirm]"));

        using (var removed = await district.PostFormAsync(url, $"{url}?handler=RemoveSession&sessionId={sessionId}", new Dictionary<string, string> { ["Version"] = (await app.ClassVersionAsync(id)).ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ClassSessions.CountAsync(s => s.ClassId == id)));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "删除培训班课次" && a.Detail.Contains("乡村振兴政策解读"))));
    }

    [Fact]
    public async Task Should_refuse_a_session_outside_the_class_dates_keeping_what_was_typed()
    {
        var id = await app.ClassAsync("440111", endDay: 10);
        var url = $"/Classes/Details/{id}";

        using var response = await (await app.SignInAsync(District)).PostFormAsync(url, url + "?handler=AddSession", new Dictionary<string, string>
            { ["SessionOn"] = Today.AddDays(40).ToString("yyyy-MM-dd"), ["SessionTitle"] = "超出日期的课", ["Version"] = (await app.ClassVersionAsync(id)).ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("课次日期应在培训班起止日期", page.Body!.TextContent);
        Assert.Equal("超出日期的课", page.QuerySelector("input[name=SessionTitle]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Should_refuse_to_remove_a_session_whose_attendance_is_taken()
    {
        var id = await app.ClassAsync("440111", startDay: -5);
        var person = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var participant = (await app.EnrolAsync(id, person)).Single();
        var session = await app.SessionAsync(id, -1);
        await app.AttendanceAsync(id, session, participant);
        var url = $"/Classes/Details/{id}";

        using var response = await (await app.SignInAsync(District)).PostFormAsync(url, $"{url}?handler=RemoveSession&sessionId={session}",
            new Dictionary<string, string> { ["Version"] = (await app.ClassVersionAsync(id)).ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("该课次已登记考勤，不能删除", await response.TextAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.ClassSessions.CountAsync(s => s.ClassId == id)));
    }

    [Fact]
    public async Task Should_show_completion_from_attendance_against_the_class_threshold()
    {
        // Two sessions, 50% to complete, the class over: one present once completes, one never present does not.
        var id = await app.ClassAsync("440111", startDay: -10, endDay: -1, percent: 50);
        var diligent = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var absent = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var participants = await app.EnrolAsync(id, diligent, absent);
        var first = await app.SessionAsync(id, -9);
        var second = await app.SessionAsync(id, -8);
        await app.AttendanceAsync(id, first, participants[0]);
        await app.AttendanceAsync(id, second);

        var page = await PageAsync(await app.SignInAsync(District), $"/Classes/Details/{id}");

        var rows = page.QuerySelectorAll("[data-testid=participant-rows] tr[data-person]").ToDictionary(r => int.Parse(r.GetAttribute("data-person")!));
        Assert.Equal("已结业", rows[diligent].QuerySelector("[data-label=结业状态]")?.TextContent);
        Assert.Equal("1 / 2", rows[diligent].QuerySelector("[data-label=出勤]")?.TextContent);
        Assert.Equal("50%", rows[diligent].QuerySelector("[data-label=出勤率]")?.TextContent);
        Assert.Equal("未结业", rows[absent].QuerySelector("[data-label=结业状态]")?.TextContent);
        Assert.Contains("已登记，出勤 1/2", page.QuerySelector($"[data-testid=session-rows] tr[data-id='{first}']")!.TextContent);
    }

    [Fact]
    public async Task Should_take_off_a_participant_without_attendance_after_a_confirmation()
    {
        var id = await app.ClassAsync("440111");
        var person = await app.PersonAsync(OwnVillage, "学员", Sex.Male);
        var participant = (await app.EnrolAsync(id, person)).Single();
        var district = await app.SignInAsync(District);
        var url = $"/Classes/Details/{id}";

        // What the browser posts for the row's button: the table's one form, sent to the button's own formaction.
        var remove = await district.DrawnFormAsync(url, $"[data-testid=participant-rows] tr[data-id='{participant}'] button[data-confirm]");
        using var response = await district.PostAsync(remove.Action, remove.With());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await app.ParticipantsAsync(id));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "培训班取消报名")));
    }

    [Fact]
    public async Task Should_show_attendance_taken_and_persons_enrolled_since_the_page_was_last_shown()
    {
        // The page keeps what it shows of the class between requests: each of these must show at once.
        var id = await app.ClassAsync("440111", startDay: -10, endDay: -1);
        var first = await app.PersonAsync(OwnVillage, "学员", Sex.Female);
        var participant = (await app.EnrolAsync(id, first)).Single();
        var session = await app.SessionAsync(id, -9);
        var district = await app.SignInAsync(District);
        var before = await PageAsync(district, $"/Classes/Details/{id}");
        Assert.Contains("未登记", before.QuerySelector($"[data-testid=session-rows] tr[data-id='{session}']")!.TextContent);

        await app.AttendanceAsync(id, session, participant);
        var second = await app.PersonAsync(OwnVillage, "学员", Sex.Male);
        await app.EnrolAsync(id, second);
        var after = await PageAsync(district, $"/Classes/Details/{id}");

        Assert.Contains("已登记，出勤 1/1", after.QuerySelector($"[data-testid=session-rows] tr[data-id='{session}']")!.TextContent);
        Assert.NotNull(after.QuerySelector($"[data-testid=participant-rows] tr[data-person='{second}']"));
        Assert.Contains("学员（2", after.QuerySelector("#participants")!.TextContent);
    }
}
