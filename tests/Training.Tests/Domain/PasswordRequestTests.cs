using Training.Core.Domain;

namespace Training.Tests.Domain;

public sealed class PasswordRequestTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc);

    private static PasswordRequest Request(string? userId = "u1") => new(userId, "TOKEN", "CODE", "198.51.100.9", Now);

    [Fact]
    public void Should_confirm_with_the_right_code_and_then_be_spent_once()
    {
        var r = Request();

        Assert.Equal(PasswordRequestConfirmation.Confirmed, r.Confirm("CODE", "township-1", Now.AddMinutes(5)));
        r.Use(Now.AddMinutes(6));

        Assert.False(r.IsOpen(Now.AddMinutes(7)));
        Assert.Throws<DomainException>(() => r.Use(Now.AddMinutes(7)));
        Assert.Equal(("township-1", Now.AddMinutes(5)), (r.ConfirmedBy, r.ConfirmedAt));
    }

    [Fact]
    public void Should_not_be_used_before_it_is_confirmed()
    {
        Assert.Throws<DomainException>(() => Request().Use(Now));
    }

    [Fact]
    public void Should_close_after_five_wrong_codes_even_for_the_right_one()
    {
        var r = Request();

        var answers = Enumerable.Range(0, PasswordRequest.MaxWrongCodes).Select(_ => r.Confirm("WRONG", "x", Now)).ToList();

        Assert.Equal([.. Enumerable.Repeat(PasswordRequestConfirmation.WrongCode, PasswordRequest.MaxWrongCodes - 1), PasswordRequestConfirmation.Closed], answers);
        Assert.Equal(PasswordRequestConfirmation.Closed, r.Confirm("CODE", "x", Now));
    }

    [Fact]
    public void Should_expire_after_an_hour_and_when_closed()
    {
        Assert.Equal(PasswordRequestConfirmation.Closed, Request().Confirm("CODE", "x", Now + PasswordRequest.Lifetime));
        var closed = Request();
        closed.Close(Now.AddMinutes(1));
        Assert.Equal(PasswordRequestConfirmation.Closed, closed.Confirm("CODE", "x", Now.AddMinutes(2)));
    }

    [Fact]
    public void Should_never_confirm_a_request_made_for_a_name_nobody_may_confirm()
    {
        Assert.Equal(PasswordRequestConfirmation.Closed, Request(userId: null).Confirm("CODE", "x", Now));
    }
}
