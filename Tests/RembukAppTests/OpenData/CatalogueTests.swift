import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// The open data catalogue: every dataset with its size, last update, downloads, dictionary and licence.
@Suite struct CatalogueTests {
    @Test func everyDatasetIsListedWithItsSizeDictionaryAndLicence() async throws {
        try await withRembuk { app in
            // given the demo
            var visitor = TestBrowser(app)
            // when
            let page = try await visitor.get(SiteRoute.openData.path)
            // then
            #expect(page.status == .ok && page.text.contains("CC BY 4.0"))
            for dataset in Dataset.all {
                #expect(page.text.contains("href=\"\(SiteRoute.openDataset(dataset.id).path)\""), "\(dataset.id)")
                for download in dataset.downloads { #expect(page.text.contains("href=\"\(download.path)\""), "\(download.path)") }
                let dictionary = try await visitor.get(SiteRoute.openDataset(dataset.id).path)
                #expect(dictionary.status == .ok)
                let count = try await dataset.count(app.db)
                #expect(dictionary.text.contains("Kamus data") && dictionary.text.contains(String(count)))
                for field in dataset.fields { #expect(dictionary.text.contains(HTMLEscape.attribute(field.column)), "\(dataset.id): \(field.column)") }
            }
            #expect(try await visitor.get(SiteRoute.openDataset("rahasia").path).status == .notFound)
        }
    }

    @Test func everyDownloadOfTheCatalogueAnswersAndTheCSVsParse() async throws {
        try await withRembuk { app in
            // given
            var visitor = TestBrowser(app)
            for dataset in Dataset.all {
                for download in dataset.downloads {
                    // when
                    let response = try await visitor.get(download.path)
                    // then
                    #expect(response.status == .ok, "\(download.path)")
                    if download.label.hasPrefix("CSV") { #expect(try CSV.parse(response.text, separator: ";").count >= 1, "\(download.path)") }
                }
                if let api = dataset.api { #expect(try await visitor.get(api).status == .ok, "\(api)") }
            }
            let pagu = try CSV.parse(try await visitor.get(SiteRoute.paguCSV.path).text, separator: ";")
            let rows = try await PaguIndikatif.query(on: app.db).count()
            #expect(pagu.count - 1 == rows)
        }
    }
}
