using System.Net;

namespace Training.Tests.Infrastructure;

/// <summary>The two steps of a sign-in with two factors, one at a time, for the tests of the steps themselves.</summary>
public static class SignInSteps
{
    /// <summary>Posts the name and password from a new client; returns it with where the answer points (the code page for two factors).</summary>
    public static async Task<(HttpClient Client, string Location)> PasswordStepAsync(this AppFixture app, string userName, string password)
    {
        var (client, answer) = await app.PostLoginAsync(userName, password);
        using var _ = answer;
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return (client, answer.Headers.Location!.OriginalString);
    }

    public static Task<HttpResponseMessage> CodeStepAsync(HttpClient client, string code) =>
        client.PostFormAsync("/Account/SignInCode", "/Account/SignInCode", new Dictionary<string, string> { ["Input.Code"] = code });
}
