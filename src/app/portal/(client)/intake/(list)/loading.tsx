export { PortalListLoading as default } from "@/components/ui/page-skeleton";
