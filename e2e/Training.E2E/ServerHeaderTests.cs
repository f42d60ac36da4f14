namespace Training.E2E;

/// <summary>The real server (Kestrel on a port, not the test host) tells nobody what it is (issue 16 §8).</summary>
[Collection(AppServerCollection.Name)]
public sealed class ServerHeaderTests(AppServer app)
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health/live")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task Should_answer_without_a_Server_header(string path)
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(app.BaseUrl + path);

        Assert.False(response.Headers.Contains("Server"), $"{path}: Server: {string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
    }
}
