using System.Net;
using System.Text.RegularExpressions;

namespace Training.Bench.Mixed;

/// <summary>
/// A form as the portal drew it: its action and what a browser would send untouched (hidden inputs, text inputs'
/// values, ticked boxes, each select's chosen option). Regular expressions over our own Razor output, which writes
/// attributes in double quotes and never nests forms.
/// </summary>
public sealed partial class HtmlForm
{
    public string Action { get; }
    public IReadOnlyList<(string Name, string Value)> Fields { get; }

    private HtmlForm(string action, IReadOnlyList<(string, string)> fields) => (Action, Fields) = (action, fields);

    /// <summary>
    /// What the first submit button or form on the page posting to an address containing <paramref name="actionPart"/>
    /// (e.g. "handler=Submit") sends, or null. A button with its own <c>formaction</c> (a table's rows sharing one form
    /// named by the button's <c>form</c> attribute) posts that form's fields and its own name and value there.
    /// </summary>
    public static HtmlForm? Find(string html, string actionPart, string? pagePath = null)
    {
        foreach (Match button in ButtonTag().Matches(html))
        {
            var tag = button.Value;
            if (Attribute(tag, "formaction") is not { } formAction) continue;
            var action = WebUtility.HtmlDecode(formAction);
            if (!action.Contains(actionPart, StringComparison.Ordinal)) continue;
            var formId = Attribute(tag, "form");
            var owner = FormTag().Matches(html).FirstOrDefault(f => formId is null
                ? f.Index < button.Index && button.Index < f.Index + f.Length
                : Attribute(f.Groups["open"].Value, "id") == formId);
            var fields = owner is null ? [] : Values(owner.Groups["body"].Value);
            if (Attribute(tag, "name") is { } name) fields.Add((name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? "")));
            return new HtmlForm(action, fields);
        }
        foreach (Match form in FormTag().Matches(html))
        {
            var action = WebUtility.HtmlDecode(Attribute(form.Groups["open"].Value, "action") ?? pagePath ?? "");
            if (action.Contains(actionPart, StringComparison.Ordinal)) return new HtmlForm(action, Values(form.Groups["body"].Value));
        }
        return null;
    }

    /// <summary>Every value of the inputs named <paramref name="name"/> on the page (checkboxes whether ticked or not), or every option of a select so named.</summary>
    public static IReadOnlyList<string> Choices(string html, string name)
    {
        var inputs = InputTag().Matches(html).Select(m => m.Value).Where(i => Attribute(i, "name") == name)
            .Select(i => WebUtility.HtmlDecode(Attribute(i, "value") ?? "")).ToList();
        foreach (Match select in SelectTag().Matches(html))
            if (Attribute(select.Groups["open"].Value, "name") == name)
                inputs.AddRange(OptionTag().Matches(select.Groups["body"].Value).Select(o => WebUtility.HtmlDecode(Attribute(o.Value, "value") ?? "")).Where(v => v != ""));
        return inputs;
    }

    public IEnumerable<KeyValuePair<string, string>> With((string Name, string Value)[] set)
    {
        var replaced = set.Select(s => s.Name).ToHashSet();
        return Fields.Where(f => !replaced.Contains(f.Name)).Concat(set).Select(f => KeyValuePair.Create(f.Name, f.Value));
    }

    private static List<(string, string)> Values(string body)
    {
        var fields = new List<(string, string)>();
        foreach (Match input in InputTag().Matches(body))
        {
            var tag = input.Value;
            if (Attribute(tag, "name") is not { } name) continue;
            var type = Attribute(tag, "type") ?? "text";
            if (type is "submit" or "button" or "file") continue;
            if (type is "checkbox" or "radio" && !Regex.IsMatch(tag, @"\schecked(?:=""checked"")?[\s/>]")) continue;
            fields.Add((name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? (type is "checkbox" or "radio" ? "on" : ""))));
        }
        foreach (Match select in SelectTag().Matches(body))
        {
            if (Attribute(select.Groups["open"].Value, "name") is not { } name) continue;
            var options = OptionTag().Matches(select.Groups["body"].Value).Select(o => o.Value).ToList();
            var chosen = options.FirstOrDefault(o => o.Contains(" selected", StringComparison.Ordinal)) ?? options.FirstOrDefault();
            if (chosen is not null) fields.Add((name, WebUtility.HtmlDecode(Attribute(chosen, "value") ?? "")));
        }
        foreach (Match area in TextareaTag().Matches(body))
            if (Attribute(area.Groups["open"].Value, "name") is { } name) fields.Add((name, WebUtility.HtmlDecode(area.Groups["body"].Value)));
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $@"\s{name}=""(?<v>[^""]*)""");
        return m.Success ? m.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"(?<open><form\b[^>]*>)(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();
    [GeneratedRegex(@"<button\b[^>]*>")]
    private static partial Regex ButtonTag();
    [GeneratedRegex(@"<input\b[^>]*>")]
    private static partial Regex InputTag();
    [GeneratedRegex(@"(?<open><select\b[^>]*>)(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectTag();
    [GeneratedRegex(@"<option\b[^>]*>")]
    private static partial Regex OptionTag();
    [GeneratedRegex(@"(?<open><textarea\b[^>]*>)(?<body>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaTag();
}
