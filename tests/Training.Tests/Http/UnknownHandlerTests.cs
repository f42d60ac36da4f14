using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Http;

/// <summary>A handler the page does not have (an old bookmark, a crafted form) is not found, never a page drawn with nothing loaded.</summary>
[Collection(AppCollection.Name)]
public sealed class UnknownHandlerTests(AppFixture app)
{
    [Fact]
    public async Task Should_answer_404_to_a_POST_handler_the_page_does_not_have()
    {
        var district = await app.SignInAsync(DemoAccounts.District);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Township).Select(u => u.Id).SingleAsync());

        using var removedHandler = await district.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Reset", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, removedHandler.StatusCode);
    }
}
