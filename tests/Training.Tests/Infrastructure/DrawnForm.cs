using System.Net;
using AngleSharp.Dom;

namespace Training.Tests.Infrastructure;

/// <summary>
/// A form as the page drew it: where it posts and the values of its named inputs (the antiforgery
/// token and the version the page showed among them), so that a test posts what a browser would,
/// from the page as it stood — the one way every test reads a form back.
/// </summary>
public sealed record DrawnForm(string Action, IReadOnlyDictionary<string, string> Fields)
{
    public string Version => Fields["Version"];
    public string Token => Fields["__RequestVerificationToken"];

    /// <summary>The body the browser sends: the drawn inputs with <paramref name="typed"/> filled in over them.</summary>
    public FormUrlEncodedContent With(params (string Name, string Value)[] typed) => With(typed.ToDictionary(f => f.Name, f => f.Value));

    public FormUrlEncodedContent With(IEnumerable<KeyValuePair<string, string>> typed)
    {
        var body = new Dictionary<string, string>(Fields);
        foreach (var (name, value) in typed) body[name] = value;
        return new FormUrlEncodedContent(body);
    }

    /// <summary>
    /// What a browser posts for <paramref name="element"/>: a form, or a submit button, which posts its own form or the
    /// one its <c>form</c> attribute names (a table's rows sharing one form), to its <c>formaction</c> when it has one,
    /// with its own name and value among the fields.
    /// </summary>
    public static DrawnForm Of(IElement element)
    {
        var isButton = element.LocalName is "button" or "input";
        var form = !isButton ? element
            : element.GetAttribute("form") is { } id ? element.Owner!.GetElementById(id) : element.Closest("form");
        Assert.True(form is not null, $"按钮 {element.OuterHtml} 不属于任何表单。");
        var fields = form.QuerySelectorAll("input[name]")
            .Where(i => i.GetAttribute("type") is not ("checkbox" or "radio" or "submit") || i.HasAttribute("checked"))
            .GroupBy(i => i.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "");
        if (isButton && element.GetAttribute("name") is { } name) fields[name] = element.GetAttribute("value") ?? "";
        var action = (isButton ? element.GetAttribute("formaction") : null) ?? form.GetAttribute("action") ?? "";
        return new DrawnForm(WebUtility.HtmlDecode(action), fields);
    }
}

public static class DrawnForms
{
    /// <summary>
    /// Opens <paramref name="pageUrl"/> (200 expected) and reads the first form or submit button matching
    /// <paramref name="selector"/> (and <paramref name="where"/>) as <see cref="DrawnForm.Of"/> does; fails with what the page showed when there is none.
    /// </summary>
    public static async Task<DrawnForm> DrawnFormAsync(this HttpClient client, string pageUrl, string selector, Func<IElement, bool>? where = null)
    {
        using var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.ReadHtmlAsync();
        var form = document.QuerySelectorAll(selector).FirstOrDefault(f => where?.Invoke(f) ?? true);
        Assert.True(form is not null, $"{pageUrl} 没有表单 {selector}。页面内容：{document.Body?.TextContent}");
        return DrawnForm.Of(form);
    }

    /// <summary>A form posting to a handler: its action names it (…?handler=Submit).</summary>
    public static Func<IElement, bool> Handler(string handler) =>
        f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase);
}
