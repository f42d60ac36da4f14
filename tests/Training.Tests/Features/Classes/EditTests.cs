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
}
