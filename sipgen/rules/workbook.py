"""WB: workbook structure. The reader finds these as it reads; they are declared here."""

from .registry import declare

declare(
    "WB001",
    "unreadable file",
    "error",
    "-",
    """
    The file cannot be opened as an Excel workbook.

    It may not be a workbook at all (a CSV or Word file renamed .xlsx), an old .xls file,
    protected by a password, cut short when it was copied, or built to harm the computer
    that opens it.

    Bad: plan.xlsx is really a CSV file saved with an .xlsx name.

    Good: plan.xlsx saved from Excel with File > Save As > Excel Workbook (.xlsx), no password.
""",
)

declare(
    "WB002",
    "missing sheet",
    "error",
    "-",
    """
    A sheet the plan needs is missing or was renamed.

    Bad: the Actions sheet was renamed "Action plan".

    Good: the workbook keeps the sheets that `sipgen new` wrote, with their names.
""",
)

declare(
    "WB003",
    "missing column",
    "error",
    "-",
    """
    A column the plan needs is missing, or its header was renamed so sipgen cannot find it.

    sipgen knows the names people often use (Start date, Deadline, Responsible, Budget ...).
    A header it does not know that stands where one of the plan's columns is missing, or is
    named like it, is reported here with the column it probably is, not passed over as notes.

    Bad: the Actions sheet's "Start" column is headed "Commencing", so its dates are not read.

    Good: the header reads "Start", "Start date" or "From" (case, spacing and order do not matter).
""",
)

declare(
    "WB004",
    "wrong type of value",
    "error",
    "guidance §28",
    """
    A value is of the wrong type: a date that is not a date, a cost that is not a number.

    Bad: Due: "after half term"; Cost (£): "about 300".

    Good: Due: 17/10/2026 or Aut1; Cost (£): 300.
""",
)

declare(
    "WB005",
    "duplicate reference",
    "error",
    "guidance §14",
    """
    Two rows share one reference, so links and cross-references cannot tell them apart.

    Bad: two objectives both numbered P1.2.

    Good: P1.1 and P1.2, each used once.
""",
)

declare(
    "WB006",
    "missing parent",
    "error",
    "guidance §26",
    """
    A row names a priority or objective that does not exist.

    An action names its objective, or its priority in a plan without objectives.

    Bad: action P3.1.1 belongs to objective P3.1, but there is no objective P3.1.

    Good: the Objectives sheet has a row P3.1 for priority P3.
""",
)

declare(
    "WB007",
    "unreadable value",
    "warning",
    "-",
    """
    A formula has no stored value, or a cell holds an error value such as #REF! or #N/A.

    sipgen reads the value a spreadsheet program saved with the formula; a file written by
    a program that does not calculate has none.

    Bad: Cost (£) holds =B4*190 in a file never opened in Excel, or shows #REF!.

    Good: the cell holds a number, or the file is opened and saved once in Excel.
""",
)

declare(
    "WB008",
    "cell not read",
    "warning",
    "-",
    """
    A filled cell that sipgen does not read: in a column or sheet it does not know, or
    outside the table. It is reported so that nothing typed is silently lost.

    Bad: notes typed in column L of the Actions sheet, which has no header.

    Good: the notes moved into the Resources column, or a column sipgen reads.
""",
)
