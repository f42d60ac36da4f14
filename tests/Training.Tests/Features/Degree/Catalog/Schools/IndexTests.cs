using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog.Schools;

/// <summary>The page /Catalog/Schools.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : CatalogTestBase(appArg)
{
    // ---------------------------------------------------------------- schools and programs

    [Fact]
    public async Task Should_add_a_school_and_a_program()
    {
        var name = "测试学院" + Guid.NewGuid().ToString("N")[..6];
        var client = await app.SignInAsync("city");

        using var added = await client.PostFormAsync("/Catalog/Schools", "/Catalog/Schools", new Dictionary<string, string> { ["NewName"] = name });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var schoolId = await app.WithDbAsync(db => db.Schools.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

        var url = $"/Catalog/Schools/Details/{schoolId}";
        using var program = await client.PostFormAsync(url, url + "?handler=AddProgram", new Dictionary<string, string>
        {
            ["NewProgram.Name"] = "乡村治理", ["NewProgram.Level"] = nameof(DegreeLevel.Bachelor), ["NewProgram.DurationYears"] = "2",
        });

        Assert.Equal(HttpStatusCode.Redirect, program.StatusCode);
        var saved = await app.WithDbAsync(db => db.Programs.Where(p => p.SchoolId == schoolId).Select(p => new { p.Name, p.Level, p.DurationYears }).SingleAsync());
        Assert.Equal(("乡村治理", DegreeLevel.Bachelor, 2), (saved.Name, saved.Level, saved.DurationYears));
    }
}
