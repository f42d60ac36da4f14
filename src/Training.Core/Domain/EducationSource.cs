namespace Training.Core.Domain;

/// <summary>Why a person's education record exists.</summary>
public enum EducationSource
{
    Recorded = 1,   // 登记：the base level entered or imported
    Graduation = 2, // 毕业：raised by a graduation on a date
    Correction = 3, // 更正：changed by an administrator
}
