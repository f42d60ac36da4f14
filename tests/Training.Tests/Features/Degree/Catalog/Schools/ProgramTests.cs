using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog.Schools;

/// <summary>The page /Catalog/Schools/Program.</summary>
[Collection(AppCollection.Name)]
public sealed class ProgramTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    [Theory]
    [InlineData(DegreeLevel.Associate, "大专")]
    [InlineData(DegreeLevel.Bachelor, "本科")]
    public async Task Should_show_the_level_the_program_has_as_chosen(DegreeLevel level, string shown)
    {
        var id = await app.WithDbAsync(db => db.Programs.Where(p => p.Level == level).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var client = await app.SignInAsync("city");

        var page = await (await client.GetAsync($"/Catalog/Schools/Program/{id}")).ReadHtmlAsync();

        Assert.Equal(shown, page.QuerySelector("select[name='Input.Level'] option[selected]")?.TextContent);
    }

    [Fact]
    public async Task Should_not_change_the_level_of_a_program_that_has_applications()
    {
        var program = await app.WithDbAsync(db => db.Programs.Where(p => db.Enrollments.Any(e => e.ProgramId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Level, p.DurationYears }).FirstAsync());
        var client = await app.SignInAsync("city");
        var url = $"/Catalog/Schools/Program/{program.Id}";
        var other = program.Level == DegreeLevel.Associate ? DegreeLevel.Bachelor : DegreeLevel.Associate;

        using var response = await client.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Name"] = program.Name, ["Input.Level"] = other.ToString(), ["Input.DurationYears"] = Text(program.DurationYears),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不能再改变层次", await response.TextAsync());
        Assert.Equal(program.Level, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == program.Id).Select(p => p.Level).SingleAsync()));
    }
}
