using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Classes.ClassPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Classes;

/// <summary>新建培训班 and 修改培训班: the account's unit runs the class; edits start from the version shown; only the running unit edits.</summary>
[Collection(AppCollection.Name)]
public sealed class EditTests(AppFixture app)
{

    private static Dictionary<string, string> Form(string name, DateOnly start, DateOnly end, string capacity = "30",
        string sex = "", string audience = nameof(ClassAudience.Any), string percent = "80") => new()
    {
        ["Input.Name"] = name,
        ["Input.StartOn"] = start.ToString("yyyy-MM-dd"),
        ["Input.EndOn"] = end.ToString("yyyy-MM-dd"),
        ["Input.Capacity"] = capacity,
        ["Input.SexOnly"] = sex,
        ["Input.Audience"] = audience,
        ["Input.CompletionPercent"] = percent,
        ["Input.Description"] = "测试说明",
    };

    [Fact]
    public async Task Should_create_a_women_only_class_run_by_the_district_and_audit_it()
    {
        var name = "农村女干部培训班" + Guid.NewGuid().ToString("N")[..6];
        var district = await app.SignInAsync(District);

        using var response = await district.PostFormAsync("/Classes/Create", "/Classes/Create",
            Form(name, Today.AddDays(5), Today.AddDays(9), "25", nameof(Sex.Female), nameof(ClassAudience.CadresOrReserves), "75"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await app.WithDbAsync(db => db.TrainingClasses.Include(x => x.Owner).SingleAsync(x => x.Name == name));
        Assert.Equal(("440111", Sex.Female, ClassAudience.CadresOrReserves, 25, 75), (c.Owner.Code, c.SexOnly, c.Audience, c.Capacity, c.CompletionPercent));
        Assert.Equal($"/Classes/Details/{c.Id}", response.Headers.Location?.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "新建培训班" && a.Detail.Contains(name))));
        var details = await PageAsync(district, $"/Classes/Details/{c.Id}");
        Assert.Equal("仅限女性两委干部或后备干部", details.QuerySelector("[data-testid=audience]")?.TextContent);
    }

    [Fact]
    public async Task Should_offer_the_default_completion_percent_on_a_new_class()
    {
        var page = await PageAsync(await app.SignInAsync(City), "/Classes/Create");

        Assert.Equal(TrainingClass.DefaultCompletionPercent.ToString(), page.QuerySelector("input[name='Input.CompletionPercent']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Should_keep_what_was_typed_when_the_class_ends_before_it_starts()
    {
        var name = "日期有误的班" + Guid.NewGuid().ToString("N")[..6];

        using var response = await (await app.SignInAsync(District)).PostFormAsync("/Classes/Create", "/Classes/Create",
            Form(name, Today.AddDays(9), Today.AddDays(5)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("结束日期不能早于开始日期", page.Body!.TextContent);
        Assert.Equal(name, page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.TrainingClasses.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Should_say_in_chinese_when_the_capacity_is_not_a_number()
    {
        using var response = await (await app.SignInAsync(District)).PostFormAsync("/Classes/Create", "/Classes/Create",
            Form("人数有误的班", Today, Today.AddDays(3), capacity: "三十"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("人数上限应为整数", page.Body!.TextContent);
        Assert.Equal("三十", page.QuerySelector("input[name='Input.Capacity']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Should_save_an_edit_made_from_the_current_version()
    {
        var id = await app.ClassAsync("440111");
        var district = await app.SignInAsync(District);
        var name = "改名后的班" + Guid.NewGuid().ToString("N")[..6];
        var fields = Form(name, Today, Today.AddDays(20), "40");
        fields["Version"] = (await app.ClassVersionAsync(id)).ToString();

        using var response = await district.PostFormAsync($"/Classes/Edit/{id}", $"/Classes/Edit/{id}", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await app.WithDbAsync(db => db.TrainingClasses.SingleAsync(x => x.Id == id));
        Assert.Equal((name, 40, Today.AddDays(20)), (c.Name, c.Capacity, c.EndOn));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "修改培训班" && a.Detail.Contains(name))));
    }

    [Fact]
    public async Task Should_answer_409_when_the_class_changed_since_the_form_was_shown()
    {
        var id = await app.ClassAsync("440111");
        var seen = await app.ClassVersionAsync(id);
        await app.SessionAsync(id, 1); // someone else changes the class meanwhile
        var fields = Form("过期版本的修改", Today, Today.AddDays(30));
        fields["Version"] = seen.ToString();

        using var response = await (await app.SignInAsync(District)).PostFormAsync($"/Classes/Edit/{id}", $"/Classes/Edit/{id}", fields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("已被他人修改", page.Body!.TextContent);
        Assert.Equal("过期版本的修改", page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.NotEqual("过期版本的修改", await app.WithDbAsync(db => db.TrainingClasses.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task Should_not_find_another_districts_class_nor_let_a_district_edit_a_city_class()
    {
        var baiyun = await app.ClassAsync("440111");
        var city = await app.ClassAsync("440100");
        var yuexiu = await app.SignInAsync(OtherDistrict);

        using (var other = await yuexiu.GetAsync($"/Classes/Edit/{baiyun}"))
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using (var cityClass = await yuexiu.GetAsync($"/Classes/Edit/{city}"))
            Assert.Equal(HttpStatusCode.NotFound, cityClass.StatusCode);
        var fields = Form("越权修改", Today, Today.AddDays(30));
        fields["Version"] = (await app.ClassVersionAsync(city)).ToString();
        using (var post = await yuexiu.PostFormAsync("/Classes/Create", $"/Classes/Edit/{city}", fields))
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using (var own = await (await app.SignInAsync(City)).GetAsync($"/Classes/Edit/{city}"))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_the_create_form_to_township_and_village_staff()
    {
        foreach (var account in new[] { Township, Village })
        {
            using var response = await (await app.SignInAsync(account)).GetAsync("/Classes/Create");
            AssertRefused(response);
        }
    }
}
