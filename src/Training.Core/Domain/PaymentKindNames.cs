namespace Training.Core.Domain;

public static class PaymentKindNames
{
    public static string Name(this PaymentKind k) => k == PaymentKind.SelfPaid ? "学员缴费" : "财政补助拨付";
}
