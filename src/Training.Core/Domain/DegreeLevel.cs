namespace Training.Core.Domain;

public enum DegreeLevel
{
    Associate = 3, // 大专 (same numbers as Education so that graduation maps directly)
    Bachelor = 4,  // 本科
}
