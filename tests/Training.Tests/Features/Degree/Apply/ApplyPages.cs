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
    public sealed record DrawnForm(string Action, Dictionary<string, string> Fields);

    public static async Task<DrawnForm> DrawAsync(HttpClient client, int id, string handler)
    {
        using var page = await client.GetAsync($"/Apply/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.ReadHtmlAsync();
        var form = document.QuerySelectorAll("form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"报名详情页没有“{handler}”表单。页面内容：{document.Body?.TextContent}");
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        return new DrawnForm(form.GetAttribute("action")!, fields);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, DrawnForm form, IDictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>(form.Fields);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) fields[k] = v;
        return client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string handler, IDictionary<string, string>? extra = null) =>
        await PostAsync(client, await DrawAsync(client, id, handler), extra);

}
