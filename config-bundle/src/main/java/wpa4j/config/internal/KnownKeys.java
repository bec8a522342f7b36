package wpa4j.config.internal;

import java.util.Set;

/**
 * The keys the real daemons (hostap 2.10 as Debian builds it) know, names only. A key they know but wpa4j
 * does not implement is reported "not implemented by wpa4j; ignored"; any other unknown key is reported as
 * unknown (likely a typo). Both are warnings, never silently dropped.
 */
public final class KnownKeys {
    private KnownKeys() {}

    /** The global keys of wpa_supplicant.conf ({@code global_fields[]}). */
    public static final Set<String> WPA_SUPPLICANT_GLOBAL = names("""
            access_network_type ap_assocresp_elements ap_isolate ap_scan ap_vendor_elements auto_interworking
            auto_uuid autoscan beacon_int bgscan bss_expiration_age bss_expiration_scan_count bss_max_count
            cert_in_cb coloc_intf_reporting config_methods country ctrl_interface ctrl_interface_group
            device_name device_type disable_btm disable_scan_offload disassoc_imminent_rssi_threshold
            disassoc_low_ack dot11RSNAConfigPMKLifetime dot11RSNAConfigPMKReauthThreshold
            dot11RSNAConfigSATimeout dot11RSNASAERetransPeriod dpp_config_processing dpp_mud_url dpp_name
            driver_param dtim_period eapol_version ext_password_backend extended_key_id external_sim fast_reauth
            filter_rssi filter_ssids force_kdk_derivation freq_list fst_group_id fst_llt fst_priority
            ftm_initiator ftm_responder gas_address3 gas_rand_addr_lifetime gas_rand_mac_addr
            go_access_network_type go_internet go_interworking go_venue_group go_venue_type hessid hs20
            ignore_old_scan_res initial_freq_list interworking ip_addr_end ip_addr_go ip_addr_mask ip_addr_start
            key_mgmt_offload load_dynamic_eap mac_addr manufacturer max_num_sta max_peer_links mbo_cell_capa
            mesh_fwding mesh_max_inactivity model_name model_number no_ctrl_interface non_pref_chan oce okc
            opensc_engine_path openssl_ciphers os_version osu_dir p2p_6ghz_disable p2p_add_cli_chan
            p2p_cli_probe p2p_device_persistent_mac_addr p2p_device_random_mac_addr p2p_disabled p2p_go_ctwindow
            p2p_go_edmg p2p_go_freq_change_policy p2p_go_he p2p_go_ht40 p2p_go_intent p2p_go_max_inactivity
            p2p_go_vht p2p_group_idle p2p_ignore_shared_freq p2p_interface_random_mac_addr p2p_intra_bss
            p2p_listen_channel p2p_listen_reg_class p2p_no_go_freq p2p_no_group_iface p2p_oper_channel
            p2p_oper_reg_class p2p_optimize_listen_chan p2p_passphrase_len p2p_pref_chan p2p_search_delay
            p2p_ssid_postfix pasn_corrupt_mic passive_scan pbc_in_m1 pcsc_pin pcsc_reader persistent_reconnect
            pkcs11_engine_path pkcs11_module_path pmf preassoc_mac_addr rand_addr_lifetime
            reassoc_same_bss_optim sae_groups sae_pmkid_in_assoc sae_pwe scan_cur_freq
            scan_res_valid_for_connect sched_scan_interval sched_scan_plans sched_scan_start_delay
            sec_device_type serial_number tdls_external_control update_config user_mpm uuid
            wowlan_disconnect_on_deinit wowlan_triggers wpa_rsc_relaxation wps_cred_add_sae wps_cred_processing
            wps_nfc_dev_pw wps_nfc_dev_pw_id wps_nfc_dh_privkey wps_nfc_dh_pubkey wps_priority wps_vendor_ext_m1
            """);

    /** The network block keys of wpa_supplicant.conf ({@code ssid_fields[]}). */
    public static final Set<String> WPA_SUPPLICANT_NETWORK = names("""
            acs altsubject_match altsubject_match2 ampdu_density ampdu_factor anonymous_identity
            ap_max_inactivity auth_alg beacon_int beacon_prot bg_scan_period bgscan bssid bssid_accept
            bssid_blacklist bssid_hint bssid_ignore bssid_whitelist ca_cert ca_cert2 ca_cert_id ca_cert_id2
            ca_path ca_path2 cert_id cert_id2 check_cert_subject check_cert_subject2 client_cert client_cert2
            dh_file dh_file2 disable_he disable_ht disable_ht40 disable_ldpc disable_max_amsdu disable_sgi
            disable_vht disabled domain_match domain_match2 domain_suffix_match domain_suffix_match2
            dot11MeshConfirmTimeout dot11MeshHoldingTimeout dot11MeshMaxRetries dot11MeshRetryTimeout
            dpp_connector dpp_csign dpp_netaccesskey dpp_netaccesskey_expiry dpp_pfs dpp_pp_key dtim_period eap
            eap_workaround eapol_flags edmg_channel enable_edmg engine engine2 engine_id engine_id2 erp
            fils_dh_group fixed_freq fragment_size freq_list frequency ft_eap_pmksa_caching go_p2p_dev_addr
            group group_mgmt group_rekey ht ht40 ht40_intolerant ht_mcs id_str identity ieee80211w
            ignore_broadcast_ssid imsi_identity key_id key_id2 key_mgmt mac_addr machine_altsubject_match
            machine_ca_cert machine_ca_cert_id machine_ca_path machine_cert_id machine_check_cert_subject
            machine_client_cert machine_dh_file machine_domain_match machine_domain_suffix_match machine_engine
            machine_engine_id machine_identity machine_key_id machine_ocsp machine_password machine_phase2
            machine_pin machine_private_key machine_private_key_passwd machine_subject_match macsec_integ_only
            macsec_policy macsec_port macsec_replay_protect macsec_replay_window max_oper_chwidth mem_only_psk
            mesh_basic_rates mesh_fwding mesh_rssi_threshold mixed_cell mka_cak mka_ckn mka_priority mode
            multi_ap_backhaul_sta no_auto_peer ocsp ocsp2 ocv openssl_ciphers owe_group owe_only
            owe_ptk_workaround p2p_client_list pac_file pairwise password pbss pcsc peerkey phase1 phase2 pin
            pin2 priority private_key private_key2 private_key2_passwd private_key_passwd proactive_key_caching
            proto psk psk_list roaming_consortium_selection rx_stbc sae_password sae_password_id sae_pk
            scan_freq scan_ssid sim_num ssid subject_match subject_match2 transition_disable tx_stbc
            update_identifier vht vht_capa vht_capa_mask vht_center_freq1 vht_center_freq2 vht_rx_mcs_nss_1
            vht_rx_mcs_nss_2 vht_rx_mcs_nss_3 vht_rx_mcs_nss_4 vht_rx_mcs_nss_5 vht_rx_mcs_nss_6
            vht_rx_mcs_nss_7 vht_rx_mcs_nss_8 vht_tx_mcs_nss_1 vht_tx_mcs_nss_2 vht_tx_mcs_nss_3
            vht_tx_mcs_nss_4 vht_tx_mcs_nss_5 vht_tx_mcs_nss_6 vht_tx_mcs_nss_7 vht_tx_mcs_nss_8 wep_key0
            wep_key1 wep_key2 wep_key3 wep_tx_keyidx wpa_deny_ptk0_rekey wpa_ptk_rekey wps_disabled
            """);

    /** The keys of hostapd.conf ({@code hostapd_config_fill}); see also {@link #HOSTAPD_PREFIXES}. */
    public static final Set<String> HOSTAPD = names("""
            accept_mac_file access_network_type acct_server_addr acct_server_addr_replace acct_server_port
            acct_server_shared_secret acs_chan_bias acs_exclude_6ghz_non_psc acs_exclude_dfs acs_num_scans
            airtime_bss_limit airtime_bss_weight airtime_mode airtime_sta_weight airtime_update_interval
            allow_cross_connection anqp_3gpp_cell_net anqp_domain_id anqp_elem anti_clogging_threshold
            ap_isolate ap_max_inactivity ap_pin ap_settings ap_setup_locked ap_table_expiration_time
            ap_table_max_size asra assoc_sa_query_max_timeout assoc_sa_query_retry_timeout assocresp_elements
            auth_algs auth_server_addr auth_server_addr_replace auth_server_port auth_server_shared_secret
            basic_rates beacon_int beacon_prot beacon_rate bridge broadcast_deauth bss bss_load_test
            bss_load_update_period bss_transition bssid ca_cert chan_util_avg_period chanlist channel
            check_cert_subject check_crl check_crl_strict civic coloc_intf_reporting config_methods country3
            country_code crl_reload_interval ctrl_interface ctrl_interface_group debug deny_mac_file device_name
            device_type dh_file dhcp_rapid_commit_proxy dhcp_relay_port dhcp_server dhcp_server_port
            disable_11ac disable_11ax disable_11n disable_dgaf disable_pmksa_caching disassoc_low_ack
            domain_name dpp_configurator_connectivity dpp_connector dpp_controller dpp_csign dpp_mud_url
            dpp_name dpp_netaccesskey dpp_netaccesskey_expiry dpp_pfs driver driver_params dtim_period dump_file
            dump_msk_file dynamic_vlan eap_authenticator eap_fast_a_id eap_fast_a_id_info eap_fast_prov
            eap_message eap_reauth_period eap_server eap_server_erp eap_sim_aka_result_ind eap_sim_db
            eap_sim_db_timeout eap_sim_id eap_teap_auth eap_teap_id eap_teap_pac_no_inner
            eap_teap_separate_result eap_user_file eapol_key_index_workaround eapol_version ecsa_ie_only
            edmg_channel enable_edmg erp_domain erp_send_reauth_start esr ext_capa ext_capa_mask extended_key_id
            extra_cred fils_cache_id fils_dh_group fils_discovery_max_interval fils_discovery_min_interval
            fils_hlp_wait_time fils_realm force_kdk_derivation fragm_threshold fragment_size freqlist
            friendly_name fst_group_id fst_llt fst_priority ft_over_ds ft_psk_generate_local ft_r0_key_lifetime
            ft_rsnxe_used ftm_initiator ftm_responder gas_address3 gas_comeback_delay gas_frag_limit
            group_cipher group_mgmt_cipher gtk_rsc_override he_6ghz_max_ampdu_len_exp he_6ghz_max_mpdu
            he_6ghz_rx_ant_pat he_6ghz_tx_ant_pat he_basic_mcs_nss_set he_bss_color he_bss_color_partial
            he_default_pe_duration he_er_su_disable he_mu_beamformer he_mu_edca_ac_be_aci he_mu_edca_ac_be_acm
            he_mu_edca_ac_be_aifsn he_mu_edca_ac_be_ecwmax he_mu_edca_ac_be_ecwmin he_mu_edca_ac_be_timer
            he_mu_edca_ac_bk_aci he_mu_edca_ac_bk_acm he_mu_edca_ac_bk_aifsn he_mu_edca_ac_bk_ecwmax
            he_mu_edca_ac_bk_ecwmin he_mu_edca_ac_bk_timer he_mu_edca_ac_vi_aci he_mu_edca_ac_vi_acm
            he_mu_edca_ac_vi_aifsn he_mu_edca_ac_vi_ecwmax he_mu_edca_ac_vi_ecwmin he_mu_edca_ac_vi_timer
            he_mu_edca_ac_vo_aci he_mu_edca_ac_vo_acm he_mu_edca_ac_vo_aifsn he_mu_edca_ac_vo_ecwmax
            he_mu_edca_ac_vo_ecwmin he_mu_edca_ac_vo_timer he_mu_edca_qos_info_param_count
            he_mu_edca_qos_info_q_ack he_mu_edca_qos_info_queue_request he_mu_edca_qos_info_txop_request
            he_oper_centr_freq_seg0_idx he_oper_centr_freq_seg1_idx he_oper_chwidth he_rts_threshold
            he_spr_non_srg_obss_pd_max_offset he_spr_sr_control he_spr_srg_bss_colors
            he_spr_srg_obss_pd_max_offset he_spr_srg_obss_pd_min_offset he_spr_srg_partial_bssid
            he_su_beamformee he_su_beamformer he_twt_required he_twt_responder hessid hs20 hs20_conn_capab
            hs20_deauth_req_timeout hs20_icon hs20_oper_friendly_name hs20_operating_class hs20_release
            hs20_sim_provisioning_url hs20_t_c_filename hs20_t_c_server_url hs20_t_c_timestamp hs20_wan_metrics
            ht_capab hw_mode iapp_interface ieee80211ac ieee80211ax ieee80211d ieee80211h ieee80211n ieee80211w
            ieee8021x ignore_broadcast_ssid igtk_rsc_override interface internet interworking
            ipaddr_type_availability lci local_pwr_constraint logger_stdout logger_stdout_level logger_syslog
            logger_syslog_level macaddr_acl macsec_integ_only macsec_policy macsec_port macsec_replay_protect
            macsec_replay_window manage_p2p manufacturer manufacturer_url max_auth_rounds max_auth_rounds_short
            max_listen_interval max_num_sta mbo mbo_cell_data_conn_pref min_tx_power mka_cak mka_ckn
            mka_priority mobility_domain model_description model_name model_number model_url multi_ap
            multi_ap_backhaul_ssid multi_ap_backhaul_wpa_passphrase multi_ap_backhaul_wpa_psk
            multicast_to_unicast na_mcast_to_ucast nai_realm nas_identifier network_auth_type no_auth_if_seen_on
            no_beacon_rsnxe no_probe_resp_if_max_sta no_probe_resp_if_seen_on notify_mgmt_frames obss_interval
            oce oci_freq_override_eapol_g1 oci_freq_override_eapol_m3 oci_freq_override_fils_assoc
            oci_freq_override_ft_assoc oci_freq_override_saquery_req oci_freq_override_saquery_resp
            oci_freq_override_wnm_sleep ocsp_stapling_response ocsp_stapling_response_multi ocv okc op_class
            openssl_ciphers openssl_ecdh_curves operator_icon os_version osen osu_friendly_name osu_icon
            osu_method_list osu_nai osu_nai2 osu_server_uri osu_service_desc osu_ssid owe_groups
            owe_ptk_workaround owe_transition_bssid owe_transition_ifname owe_transition_ssid own_ie_override
            own_ip_addr pac_key_lifetime pac_key_refresh_time pac_opaque_encr_key pasn_comeback_after
            pasn_corrupt_mic pasn_groups pbc_in_m1 pbss peerkey per_sta_vif pmk_r1_push preamble private_key
            private_key2 private_key_passwd private_key_passwd2 proxy_arp pwd_group qos_map_set r0_key_lifetime
            r0kh r1_key_holder r1_max_key_lifetime r1kh radio_measurements radius_acct_interim_interval
            radius_acct_req_attr radius_auth_req_attr radius_client_addr radius_client_dev radius_das_client
            radius_das_port radius_das_require_event_timestamp radius_das_require_message_authenticator
            radius_das_time_window radius_req_attr_sqlite radius_request_cui radius_retry_primary_interval
            radius_server_acct_port radius_server_auth_port radius_server_clients radius_server_ipv6
            reassociation_deadline require_ht require_vht rkh_neg_timeout rkh_pos_timeout rkh_pull_retries
            rkh_pull_timeout rnr roaming_consortium rrm_beacon_report rrm_neighbor_report rsn_pairwise
            rsn_preauth rsn_preauth_interfaces rsn_testing rsne_override_eapol rsne_override_ft
            rsnxe_override_eapol rsnxe_override_ft rssi_ignore_probe_request rssi_reject_assoc_rssi
            rssi_reject_assoc_timeout rts_threshold sae_anti_clogging_threshold sae_commit_override
            sae_commit_status sae_confirm_immediate sae_groups sae_password sae_pk_omit
            sae_pk_password_check_skip sae_pwe sae_reflection_attack sae_require_mfp sae_sync
            send_probe_response serial_number server_cert server_cert2 server_id skip_cred_build
            skip_inactivity_poll skip_prune_assoc spectrum_mgmt_required ssid ssid2 start_disabled stationary_ap
            subscr_remediation_method subscr_remediation_url supported_rates tdls_prohibit
            tdls_prohibit_chan_switch time_advertisement time_zone tls_flags tls_session_lifetime tnc
            track_sta_max_age track_sta_max_num transition_disable uapsd_advertisement_enabled uesa
            unsol_bcast_probe_resp_interval upc upnp_iface use_driver_iface_addr use_pae_group_addr use_sta_nsts
            utf8_ssid uuid vendor_elements vendor_vht venue_group venue_name venue_type venue_url vht_capab
            vht_oper_centr_freq_seg0_idx vht_oper_centr_freq_seg1_idx vht_oper_chwidth vlan_bridge vlan_file
            vlan_naming vlan_tagged_interface wds_bridge wds_sta wep_default_key wep_key0 wep_key1 wep_key2
            wep_key3 wep_key_len_broadcast wep_key_len_unicast wep_rekey_period wme_enabled wmm_enabled
            wnm_sleep_mode wnm_sleep_mode_no_keys wowlan_triggers wpa wpa_deny_ptk0_rekey
            wpa_disable_eapol_key_retries wpa_gmk_rekey wpa_group_rekey wpa_group_update_count wpa_key_mgmt
            wpa_pairwise wpa_pairwise_update_count wpa_passphrase wpa_psk wpa_psk_file wpa_psk_radius
            wpa_ptk_rekey wpa_strict_rekey wps_application_ext wps_cred_add_sae wps_cred_processing
            wps_independent wps_nfc_dev_pw wps_nfc_dev_pw_id wps_nfc_dh_privkey wps_nfc_dh_pubkey
            wps_pin_requests wps_rf_bands wps_state
            """);

    /** Key families hostapd matches by prefix (WMM and TX queue parameters). */
    public static final Set<String> HOSTAPD_PREFIXES = Set.of("tx_queue_", "wmm_ac_", "wme_ac_");

    public static boolean isHostapdKey(String key) {
        return HOSTAPD.contains(key) || HOSTAPD_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static Set<String> names(String block) {
        return Set.of(block.strip().split("\\s+"));
    }
}
