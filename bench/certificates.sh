#!/usr/bin/env bash
# Certificate PDFs (issue 14): writes 1,000 certificates (A4, WenQuanYi Micro Hei embedded, QR code),
# each straight to its own file, on one thread and then on every core, and prints PDFs per second and
# the peak memory (VmHWM) before and after; the baseline, measured in the same run, is 1,000 empty A4
# pages written by PDFsharp. Target: ≥ 50 certificates a second; memory bounded.
# Usage: bench/certificates.sh [--count N] [--out FOLDER --keep]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Training.Bench -c Release -v q -nologo >/dev/null
exec dotnet bench/Training.Bench/bin/Release/net10.0/Training.Bench.dll certificates "$@"
