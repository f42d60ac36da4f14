using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Reserves.Mentoring;

/// <summary>Fresh persons, reserves, cadres and pairs of 人和镇's 汉塘村 for the mentoring tests: every test makes its own.</summary>
internal sealed class MentoringWorld(AppFixture app)
{
    public const string Village = "village-440111103201";
    public const string Township = "township-440111103";
    public const string District = "district-440111";
    public const string City = "city";
    public const string OtherTownship = "township-440103001";
    public const string OtherDistrict = "district-440103";
    public const string OwnVillage = "440111103201";

    public static DateOnly Today => TimeProvider.System.Today();

    /// <summary>A fresh person of 汉塘村 in the pool since <paramref name="inPoolOn"/> (default a year ago); its reserve id.</summary>
    public Task<int> PooledReserveAsync(DateOnly? inPoolOn = null) =>
        app.WithDbAsync(async db =>
        {
            var person = await TestPeople.NewPersonAsync(db, OwnVillage, "后备");
            var reserve = ReserveCandidate.HistoricalInPool(person, ReserveTarget.TwoCommittee, inPoolOn ?? Today.AddYears(-1));
            db.Reserves.Add(reserve);
            await db.SaveChangesAsync();
            return reserve.Id;
        });

    /// <summary>A fresh 村委会委员 of 汉塘村 serving since two years ago; its person id.</summary>
    public Task<int> CadreAsync() =>
        app.WithDbAsync(async db =>
        {
            var person = await TestPeople.NewPersonAsync(db, OwnVillage, "帮带");
            person.AddPost(person.Village, PostType.CommitteeMember, Today.AddYears(-2));
            await db.SaveChangesAsync();
            return person.Id;
        });

    /// <summary>A fresh person of 汉塘村 without any post; its id.</summary>
    public Task<int> PersonAsync() =>
        app.WithDbAsync(async db =>
        {
            var person = await TestPeople.NewPersonAsync(db, OwnVillage, "群众");
            await db.SaveChangesAsync();
            return person.Id;
        });

    /// <summary>A pair of a fresh reserve and a fresh cadre started <paramref name="startedAgo"/> days ago, evaluated <paramref name="evaluatedAgo"/> days ago if given.</summary>
    public Task<int> PairAsync(int startedAgo, int? evaluatedAgo = null) =>
        app.WithDbAsync(async db =>
        {
            var today = Today;
            var now = DateTime.UtcNow;
            var reserve = ReserveCandidate.HistoricalInPool(await TestPeople.NewPersonAsync(db, OwnVillage, "后备"), ReserveTarget.TwoCommittee, today.AddDays(-startedAgo - 30));
            var mentor = await TestPeople.NewPersonAsync(db, OwnVillage, "帮带");
            mentor.AddPost(mentor.Village, PostType.PartySecretary, today.AddYears(-2));
            db.Reserves.Add(reserve);
            var pair = MentorPair.Start(reserve, mentor, today.AddDays(-startedAgo), today.AddDays(-startedAgo).AddYears(1),
                "熟悉村务", "test-township", now, []);
            if (evaluatedAgo is { } ago) pair.Evaluate(today.AddDays(-ago), Rating.Good, "进步明显", "test-township", now, today);
            db.MentorPairs.Add(pair);
            await db.SaveChangesAsync();
            return pair.Id;
        });

    public Task<MentorPair> LoadAsync(int id) =>
        app.WithDbAsync(db => db.MentorPairs.AsNoTracking().Include(p => p.Evaluations).SingleAsync(p => p.Id == id));

    /// <summary>A form of the pair's page (data-form="evaluate" or "end") with its action, token and version.</summary>
    public sealed record PageForm(string Action, string Token, string Version)
    {
        public FormUrlEncodedContent With(params (string Name, string Value)[] fields) =>
            new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                .Append(new("Version", Version))
                .Append(new("__RequestVerificationToken", Token)));
    }

    public static async Task<PageForm> FormAsync(HttpClient client, int id, string form)
    {
        using var page = await client.GetAsync($"/Mentoring/Detail?id={id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var f = (await page.ReadHtmlAsync()).QuerySelector($"form[data-form={form}]") as IHtmlFormElement;
        Assert.True(f is not null, $"/Mentoring/Detail?id={id} 没有 {form} 表单。");
        return new(WebUtility.HtmlDecode(f.GetAttribute("action")!),
            f.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            f.QuerySelector("input[name=Version]")!.GetAttribute("value")!);
    }

    /// <summary>The ids of every row of the list at <paramref name="url"/>, following 下一页 to the end.</summary>
    public static async Task<List<(int Id, IHtmlTableRowElement Row)>> AllRowsAsync(HttpClient client, string url)
    {
        var rows = new List<(int, IHtmlTableRowElement)>();
        for (var page = 1; page < 500; page++)
        {
            var sep = url.Contains('?') ? "&" : "?";
            using var response = await client.GetAsync($"{url}{sep}p={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.ReadHtmlAsync();
            rows.AddRange(html.QuerySelectorAll("[data-testid=mentoring-rows] tbody tr").OfType<IHtmlTableRowElement>()
                .Select(r => (int.Parse(r.GetAttribute("data-id")!), r)));
            if (html.QuerySelector("nav.pager a[href*='p=" + (page + 1) + "']") is null) break;
        }
        return rows;
    }
}
