namespace Training.Core.Domain;

/// <summary>
/// 更正申请 (PIPL Art. 46): a trainee says what of its record is wrong, in its own words, from 我的数据; staff of
/// the units above its village correct the record (the roster is the city's) and answer, or decline with the reason
/// the law asks for. Once answered it is closed; a new request starts again.
/// </summary>
public class CorrectionRequest : IVersioned
{
    public const int MaxText = 500;

    private CorrectionRequest() { Text = RequestedBy = ""; }

    public CorrectionRequest(Person person, string text, string requestedBy, DateTime now)
    {
        Person = person;
        PersonId = person.Id;
        Text = RecordText.Short(text, "需要更正的内容", MaxText);
        RequestedBy = requestedBy;
        RequestedAt = now;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public string Text { get; private set; }
    public string RequestedBy { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public CorrectionState State { get; private set; }
    public string? Reply { get; private set; }
    public string? HandledBy { get; private set; }
    public DateTime? HandledAt { get; private set; }
    /// <summary>Two staff answering at once: the second finds the request changed instead of overwriting the first answer.</summary>
    public Guid Version { get; private set; }

    /// <summary>The record was corrected; the reply says what changed (optional).</summary>
    public void Corrected(string? reply, string by, DateTime now) => Close(CorrectionState.Corrected, Optional(reply), by, now);

    /// <summary>Not corrected: the reason is required (PIPL Art. 46 and 50: a refusal is explained).</summary>
    public void Declined(string? reason, string by, DateTime now) => Close(CorrectionState.Declined, RecordText.Short(reason, "不予更正的理由", MaxText), by, now);

    private void Close(CorrectionState state, string? reply, string by, DateTime now)
    {
        if (State != CorrectionState.Open) throw new DomainException("这份更正申请已经处理过了。");
        State = state;
        Reply = reply;
        HandledBy = by;
        HandledAt = now;
        Version = Guid.NewGuid();
    }

    private static string? Optional(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length > MaxText) throw new DomainException($"答复不能超过{MaxText}字。");
        return t.Length == 0 ? null : t;
    }
}
