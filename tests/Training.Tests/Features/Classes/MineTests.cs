using System.Net;
using AngleSharp.Dom;
using Training.Core.Domain;
using Training.Tests.Infrastructure;

namespace Training.Tests.Features.Classes;

/// <summary>
/// 我的培训班: a trainee sees the classes it takes part in, each session's mark as the district
/// recorded it, the attendance rate and completion; never a class it is not in.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MineTests(AppFixture app)
{
    private readonly ClassWorld world = new(app);

    [Fact]
    public async Task Should_show_the_demo_trainee_its_class_with_the_marks_the_district_took()
    {
        var me = await world.DemoTraineePersonAsync();
        var other = await world.PersonAsync();
        var c = await world.ClassAsync([-2, -1, 0, 3], [me, other]);
        var district = await app.SignInAsync(ClassWorld.District);
        await SaveAsync(district, c.Sessions[0], c.Participants[0]);
        await SaveAsync(district, c.Sessions[1], c.Participants[1]);

        var card = await CardAsync(await app.SignInAsync("trainee-demo"), c.Id);

        Assert.NotNull(card);
        Assert.Contains(c.Name, card.TextContent);
        Assert.Contains("白云区", card.TextContent);
        Assert.Equal((ClassWorld.Today.AddDays(-30).ToString("yyyy-MM-dd"), ClassWorld.Today.AddDays(30).ToString("yyyy-MM-dd")),
            (Field(card, "my-start"), Field(card, "my-end")));
        Assert.Equal(["Present", "Absent", "NotRecorded", "NotYet"], Marks(card));
        Assert.Equal(["出勤", "缺勤", "未登记", "未开始"], card.QuerySelectorAll("[data-mark] .badge").Select(b => b.TextContent));
        Assert.Equal("1 / 4 次", Field(card, "my-attended"));
        Assert.Equal("25%", Field(card, "my-rate"));
        Assert.Contains("80%", card.TextContent);
        Assert.Equal(nameof(ClassCompletion.InProgress), card.QuerySelector("[data-testid=my-completion]")?.GetAttribute("data-completion"));
        Assert.Equal("学习中", Field(card, "my-completion"));
    }

    [Fact]
    public async Task Should_show_completed_once_the_threshold_is_reached()
    {
        var trainee = await world.TraineeAsync();
        var c = await world.ClassAsync([-5, -4, -3, -2, -1], [trainee.PersonId]);
        var district = await app.SignInAsync(ClassWorld.District);
        foreach (var s in c.Sessions.Take(4)) await SaveAsync(district, s, c.Participants[0]);
        await SaveAsync(district, c.Sessions[4]);

        var card = await CardAsync(await app.SignInAsync(trainee.UserName, ClassWorld.TraineePassword), c.Id);

        Assert.NotNull(card);
        Assert.Equal("4 / 5 次", Field(card, "my-attended"));
        Assert.Equal("80%", Field(card, "my-rate"));
        Assert.Equal("已结业", Field(card, "my-completion"));
    }

    [Fact]
    public async Task Should_show_not_completed_when_the_class_is_over_below_the_threshold()
    {
        var trainee = await world.TraineeAsync();
        var c = await world.ClassAsync([-9, -8], [trainee.PersonId], startDay: -10, endDay: -1);
        var district = await app.SignInAsync(ClassWorld.District);
        await SaveAsync(district, c.Sessions[0], c.Participants[0]);
        await SaveAsync(district, c.Sessions[1]);

        var card = await CardAsync(await app.SignInAsync(trainee.UserName, ClassWorld.TraineePassword), c.Id);

        Assert.NotNull(card);
        Assert.Equal("50%", Field(card, "my-rate"));
        Assert.Equal("未结业", Field(card, "my-completion"));
    }

    [Fact]
    public async Task Should_not_show_a_class_the_demo_trainee_is_not_in()
    {
        var c = await world.ClassAsync([0], [await world.PersonAsync()]);

        Assert.Null(await CardAsync(await app.SignInAsync("trainee-demo"), c.Id));
    }

    [Fact]
    public async Task Should_show_each_trainee_only_its_own_classes()
    {
        var a = await world.TraineeAsync();
        var b = await world.TraineeAsync();
        var ofA = await world.ClassAsync([0], [a.PersonId]);
        var ofB = await world.ClassAsync([0], [b.PersonId]);

        using var page = await (await app.SignInAsync(a.UserName, ClassWorld.TraineePassword)).GetAsync("/Classes/Mine");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var shown = (await page.ReadHtmlAsync()).QuerySelectorAll("[data-testid=my-class]").Select(x => x.GetAttribute("data-class")).ToList();
        Assert.Equal([ofA.Id.ToString()], shown);
        Assert.DoesNotContain(ofB.Name, await (await (await app.SignInAsync(a.UserName, ClassWorld.TraineePassword)).GetAsync("/Classes/Mine")).TextAsync());
    }

    [Fact]
    public async Task Should_say_so_when_the_trainee_takes_part_in_no_class()
    {
        var trainee = await world.TraineeAsync();

        using var page = await (await app.SignInAsync(trainee.UserName, ClassWorld.TraineePassword)).GetAsync("/Classes/Mine");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("您还没有参加培训班。", await page.TextAsync());
    }

    [Fact]
    public async Task Should_show_a_mark_taken_after_the_page_was_read_at_once()
    {
        var trainee = await world.TraineeAsync();
        var c = await world.ClassAsync([-2, -1], [trainee.PersonId]);
        var client = await app.SignInAsync(trainee.UserName, ClassWorld.TraineePassword);
        Assert.Equal(["NotRecorded", "NotRecorded"], Marks((await CardAsync(client, c.Id))!));

        await SaveAsync(await app.SignInAsync(ClassWorld.District), c.Sessions[0], c.Participants[0]);

        Assert.Equal(["Present", "NotRecorded"], Marks((await CardAsync(client, c.Id))!));
    }

    private static async Task SaveAsync(HttpClient district, int sessionId, params int[] present)
    {
        using var saved = await (await AttendanceForm.GetAsync(district, sessionId)).PostAsync(district, present);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static async Task<IElement?> CardAsync(HttpClient trainee, int classId)
    {
        using var page = await trainee.GetAsync("/Classes/Mine");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (await page.ReadHtmlAsync()).QuerySelector($"[data-testid=my-class][data-class='{classId}']");
    }

    private static string[] Marks(IElement card) =>
        card.QuerySelectorAll("[data-mark]").Select(x => x.GetAttribute("data-mark")!).ToArray();

    private static string Field(IElement card, string testId) =>
        string.Join(' ', (card.QuerySelector($"[data-testid={testId}]")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
