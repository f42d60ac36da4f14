namespace Training.Core.Domain;

public enum PasswordRequestConfirmation
{
    Confirmed = 0,
    WrongCode = 1,
    /// <summary>Spent, expired, closed by a newer one, or void after too many wrong codes.</summary>
    Closed = 2,
}
