namespace Training.Core.Domain;

/// <summary>Money moved for an enrollment: a trainee's instalment or a subsidy disbursement to the school.</summary>
public class Payment
{
    private Payment() { ReceiptNumber = RecordedBy = ""; }

    internal Payment(PaymentKind kind, long amountFen, DateOnly paidOn, string receiptNumber, string recordedBy, DateTime recordedAt)
    {
        Kind = kind;
        AmountFen = amountFen;
        PaidOn = paidOn;
        ReceiptNumber = receiptNumber;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }
    public int EnrollmentId { get; private set; }
    public PaymentKind Kind { get; private set; }
    public long AmountFen { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public string ReceiptNumber { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTime RecordedAt { get; private set; }
}
