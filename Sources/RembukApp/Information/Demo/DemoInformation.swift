import Fluent
import Foundation
import RembukCore

/// The demo's news, an announcement, an event and a few documents (small real PDFs), published by the
/// Bappeda admin through the same commands.
enum DemoInformation {
    static func load(in ctx: Invocation) async throws {
        guard try await Article.query(on: ctx.db).count() == 0 else { return }
        let admin = try await DemoProjects.principal(for: nil, in: ctx)
        let today = ctx.today
        func at(_ daysAgo: Int) -> Invocation {
            Invocation(app: ctx.app, principal: admin, now: today.adding(days: -daysAgo).startOfDay().addingTimeInterval(9 * 3_600))
        }
        let articles: [(Article.Kind, String, String, String, Int, String, String)] = [
            (.pengumuman, "Usulan tahun anggaran \(today.year + 1) dibuka sampai akhir tahun",
             "Warga dapat mengirim usulan pembangunan lewat Rembuk atau melalui kantor desa.",
             "Pemerintah Kabupaten Purwakarta membuka penjaringan aspirasi untuk tahun anggaran \(today.year + 1).\n\nUsulan dapat dikirim langsung melalui Rembuk atau dibantu operator di kantor desa/kelurahan. Setiap usulan diverifikasi operator desa lalu dibahas di Musrenbang Desa.",
             20, "", ""),
            (.berita, "Tembok penahan tanah tebing Cilalawi selesai dikerjakan",
             "Pekerjaan TPT sepanjang 80 m selesai dan diserahterimakan.",
             "Tembok penahan tanah di tebing Cilalawi sepanjang 80 meter telah selesai dikerjakan dan diserahterimakan kepada Dinas PUPR.\n\nWarga dapat mengikuti laporan kemajuan setiap proyek di halaman Proyek.",
             90, "", ""),
            (.agenda, "Sosialisasi Musrenbang Desa untuk kader PKK dan karang taruna",
             "Cara mengusulkan dan menilai usulan di Musrenbang Desa.",
             "Bappelitbangda mengundang kader PKK, karang taruna dan tokoh masyarakat mengikuti sosialisasi tata cara Musrenbang Desa, termasuk keterwakilan perempuan dan penyandang disabilitas.",
             3, today.adding(days: 10).iso, "Aula Bappelitbangda Purwakarta"),
        ]
        for (kind, title, summary, body, daysAgo, eventOn, place) in articles {
            let form = SubmittedForm(fields: ["kind": [kind.rawValue], "title": [title], "summary": [summary], "body": [body],
                                              "event_on": [eventOn], "event_place": [place]])
            guard case .published = try await PublishArticle().run(form, in: at(daysAgo)) else {
                throw LoadDemoData.DemoProblem(description: "demo article \(title)")
            }
        }
        let documents: [(String, LibraryDocument.Category, Int)] = [
            ("RKPD Kabupaten Purwakarta Tahun \(today.year)", .rkpd, today.year),
            ("Peraturan Bupati tentang Pedoman Musrenbang", .regulasi, today.year - 1),
            ("Laporan realisasi pembangunan semester I", .laporan, today.year),
        ]
        for (title, category, year) in documents {
            let file = SubmittedForm.File(field: StoreUploads.field, filename: "\(category.rawValue)-\(year).pdf", bytes: pdf(title))
            let form = SubmittedForm(fields: ["title": [title], "category": [category.rawValue], "year": [String(year)], "description": [""]], files: [file])
            guard case .published = try await PublishDocument().run(form, in: at(30)) else {
                throw LoadDemoData.DemoProblem(description: "demo document \(title)")
            }
        }
    }

    /// A one-page PDF with the title on it (objects and the cross-reference table written out by hand).
    static func pdf(_ title: String) -> [UInt8] {
        let text = title.unicodeScalars.map { $0.isASCII ? String($0) : "?" }.joined()
            .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
        let stream = "BT /F1 16 Tf 56 780 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (n, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(n + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
