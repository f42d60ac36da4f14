using System.Net;
using Training.Tests.Infrastructure;

namespace Training.Tests.Features.Degree.Apply;

/// <summary>The trainee's application pages as a phone uses them: create, draw a form as shown, post it.</summary>
public static class ApplyPages
{
    public static DateOnly Today => Infrastructure.Builders.TestPeople.Today;

    /// <summary>POST 报名此专业 from /Apply.</summary>
    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, int feeId) =>
        client.PostFormAsync("/Apply", "/Apply?handler=Create", new Dictionary<string, string> { ["FeeId"] = feeId.ToString() });

    /// <summary>The id of the application a create answered with (its redirect to /Apply/Details/{id}).</summary>
    public static int RedirectedId(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"应跳转到报名详情，实际 {(int)response.StatusCode}：{response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        var path = response.Headers.Location!.OriginalString.Split('?')[0];
        Assert.StartsWith("/Apply/Details/", path);
        return int.Parse(path["/Apply/Details/".Length..]);
    }

    /// <summary>A form of the details page as drawn: its antiforgery token and the version the page showed.</summary>
    public static Task<DrawnForm> DrawAsync(HttpClient client, int id, string handler) =>
        client.DrawnFormAsync($"/Apply/Details/{id}", "form", DrawnForms.Handler(handler));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, DrawnForm form, IDictionary<string, string>? extra = null) =>
        client.PostAsync(form.Action, form.With(extra ?? new Dictionary<string, string>()));

    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string handler, IDictionary<string, string>? extra = null) =>
        await PostAsync(client, await DrawAsync(client, id, handler), extra);
}
