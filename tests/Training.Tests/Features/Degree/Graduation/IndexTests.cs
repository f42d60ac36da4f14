using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Degree.Graduation;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Tests.Infrastructure.Builders;
using Training.Tests.Features.DataExchange.Import;

namespace Training.Tests.Features.Degree.Graduation;

/// <summary>The page /Import/Graduation.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : ImportTestBase(appArg)
{
    [Fact]
    public async Task Should_refuse_an_empty_file_and_store_nothing()
    {
        var name = UniqueName("空文件");
        var client = await app.SignInAsync("school-1");

        using var response = await client.UploadAsync("/Import/Graduation", [], name);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("空的", (await response.ReadHtmlAsync()).QuerySelector("[data-testid=upload-error]")?.TextContent);
        Assert.Equal(0, await app.RunsNamedAsync(name));
    }
}
