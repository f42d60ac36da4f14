using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog.Schools;

/// <summary>The page /Catalog/Schools/Details.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    [Fact]
    public async Task Should_refuse_a_duplicate_school_name_on_rename()
    {
        var (first, second) = await app.WithDbAsync(async db =>
        {
            var a = School.Create("重名甲" + Guid.NewGuid().ToString("N")[..6]);
            var b = School.Create("重名乙" + Guid.NewGuid().ToString("N")[..6]);
            db.Schools.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a, b);
        });
        var client = await app.SignInAsync("city");
        var url = $"/Catalog/Schools/Details/{second.Id}";

        using var response = await client.PostFormAsync(url, url + "?handler=Rename", new Dictionary<string, string> { ["NewName"] = " " + first.Name + " " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"院校“{first.Name}”已存在", await response.TextAsync());
        var page = await response.ReadHtmlAsync();
        Assert.Equal(" " + first.Name + " ", page.QuerySelector("input[name=NewName]")?.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name='NewProgram.Name']")?.GetAttribute("value")), "新增专业的名称栏不应带出更名栏的内容。");
        Assert.Equal(second.Name, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == second.Id).Select(s => s.Name).SingleAsync()));
    }
}
