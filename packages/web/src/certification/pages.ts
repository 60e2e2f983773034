import './translations';
// The certification pages, loaded lazily by the router.
export { CertificationPage } from './CertificationPage';
export { RegisterPage } from './RegisterPage';
export { MapPage } from './MapPage';
export { UnitCertificationPage } from './UnitCertificationPage';
export { ReportFormPage } from './ReportFormPage';
export { CertificateEditPage, CertificateFormPage } from './CertificateFormPage';
export { VerificationPage } from './VerificationPage';
export { RemindersPage } from './RemindersPage';
export { TrainingPage } from './TrainingPage';
export { OutreachPage } from './OutreachPage';
export { SchemesPage } from './SchemesPage';
