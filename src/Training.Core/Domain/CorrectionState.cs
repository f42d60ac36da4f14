namespace Training.Core.Domain;

public enum CorrectionState
{
    Open = 0,
    Corrected = 1,
    Declined = 2,
}
